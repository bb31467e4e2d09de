import Foundation
import Hummingbird

/// `/api/runs/{id}/events?after=N`: server-sent events of a run. Every ``DashboardServer/pollInterval``
/// the store is read (read-only) for epochs committed after the last one sent; each becomes an
/// `epoch` event (the epoch as JSON), and a change of status a `status` event. The stream ends
/// when the run is no longer queued or running, the client goes away, or the server stops.
struct EpochEvents: Sendable {
    let api: DashboardAPI
    let runID: Int64
    var after: Int

    /// The stream `request` asks for, an error reply for a bad one, or `nil` for another path.
    static func match(_ request: DashboardRequest, api: DashboardAPI) -> Result<EpochEvents, ReplyError>? {
        let s = request.segments
        guard s.count == 4, s[0] == "api", s[1] == "runs", s[3] == "events" else { return nil }
        guard api.access.allows(request) else {
            return .failure(ReplyError(reply: api.respond(to: request)))
        }
        do {
            let id = try api.runID(s[2])
            let after = request.value("after").flatMap { Int($0) } ?? -1
            return .success(EpochEvents(api: api, runID: id, after: after))
        } catch let error as DashboardError {
            return .failure(ReplyError(reply: .error(error)))
        } catch {
            return .failure(ReplyError(reply: .error(DashboardError(.internalError, "\(error)"))))
        }
    }

    /// Writes events until the run ends, the client leaves or `stopping()` is true.
    func stream(to writer: inout any ResponseBodyWriter, stopping: @Sendable () -> Bool) async throws {
        var after = self.after
        var status: String?
        var quietPolls = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
        while !stopping() && !Task.isCancelled {
            let payload = try api.epochs(runID, after: after)
            var text = ""
            for epoch in payload.epochs {
                text += "event: epoch\ndata: \(String(decoding: try encoder.encode(epoch), as: UTF8.self))\n\n"
                after = max(after, epoch.epoch)
            }
            if payload.status != status {
                text += "event: status\ndata: \(payload.status)\n\n"
                status = payload.status
            }
            quietPolls = text.isEmpty ? quietPolls + 1 : 0
            if quietPolls >= 60 {  // a comment every 15 s finds clients that left
                text = ": keep-alive\n\n"
                quietPolls = 0
            }
            if !text.isEmpty { try await writer.write(ByteBuffer(string: text)) }
            if payload.status != "running" && payload.status != "queued" { return }
            try? await Task.sleep(for: DashboardServer.pollInterval)
        }
    }
}
