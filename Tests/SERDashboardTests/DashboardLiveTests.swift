import Foundation
import SERDashboard
import SERStore
import SERTestSupport
import Synchronization
import Testing

/// The events endpoint of a run in progress: an epoch committed by another connection reaches
/// the client within a second; the stream ends when the run does.
@Suite struct DashboardLiveTests {
    @Test func aCommittedEpochIsStreamedWithinASecond() async throws {
        let harness = try DashboardHarness()
        defer { harness.remove() }
        let run = try harness.store.createRun(
            NewRun(
                name: "live", datasetVersionID: nil, featureConfigID: nil, split: "speaker", seed: 7, config: "{}",
                commandLine: "live test",
                provenance: Provenance(serVersion: "test")))
        try harness.store.markRunning(run, pid: getpid())
        try harness.store.recordEpoch(
            run, EpochRecord(epoch: 1, trainLoss: 1.2, trainAccuracy: 0.3, learningRate: 0.001, wallSeconds: 0.5), last: nil, best: nil)
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        // The page lists the running run and starts streaming after its last epoch. A fresh
        // heartbeat first, with no suspension before the request: the run counts as dead after
        // 60 s without one, and a busy test process may resume this task late.
        try harness.store.heartbeat(run)
        let page = try await RawHTTP.request(port: server.port, "/runs/\(run)")
        #expect(page.text.contains("data-last-epoch=\"1\"") && page.text.contains("data-status=\"running\""))
        let port = server.port
        let writer = Task {
            try await Task.sleep(for: .milliseconds(600))
            let at = Date()
            try harness.store.recordEpoch(
                run, EpochRecord(epoch: 2, trainLoss: 1.0, trainAccuracy: 0.4, learningRate: 0.001, wallSeconds: 0.5), last: nil,
                best: nil)
            return at
        }
        // The arrival is stamped on the reader's thread: the test's own task may resume late
        // when parallel tests hold the cooperative pool.
        let arrival = ArrivalStamp()
        let text = try await RawHTTP.stream(port: port, "/api/runs/\(run)/events?after=1", timeout: 30) {
            arrival.mark(when: $0.contains("\"epoch\":2"))
        }
        let arrived = try #require(arrival.time, "epoch 2 never arrived: \(text)")
        let writtenAt = try await writer.value
        #expect(text.contains("text/event-stream"))
        #expect(text.contains("event: status\ndata: running"))
        #expect(!text.contains("\"epoch\":1,"), "only epochs after ?after=1 are sent")
        try #require(text.contains("\"epoch\":2"), "epoch 2 never arrived: \(text)")
        #expect(
            arrived.timeIntervalSince(writtenAt) < 1.0, "epoch 2 arrived \(arrived.timeIntervalSince(writtenAt)) s after its commit")
        // The run ends: the stream reports it and closes.
        try harness.store.endRun(run, status: .finished)
        let rest = try await RawHTTP.stream(port: port, "/api/runs/\(run)/events?after=2", timeout: 5) { $0.contains("data: finished") }
        #expect(rest.contains("event: status\ndata: finished"))
        try await server.stop()
    }

    @Test func stoppingTheServerEndsOpenStreams() async throws {
        let harness = try DashboardHarness()
        defer { harness.remove() }
        let run = try harness.store.createRun(
            NewRun(
                datasetVersionID: nil, featureConfigID: nil, split: nil, seed: 1, config: "{}", commandLine: "t",
                provenance: Provenance(serVersion: "test")))
        try harness.store.markRunning(run, pid: getpid())
        let server = try await harness.start()
        let port = server.port
        // The stream's first status and its end are stamped on the reader's thread, not when
        // this task resumes; the server is stopped once the stream is under way.
        let streaming = ArrivalStamp()
        let reader = Task {
            try await RawHTTP.onThread {
                let text = try RawHTTP.streamBlocking(port: port, "/api/runs/\(run)/events", timeout: 20) { text in
                    _ = streaming.mark(when: text.contains("event: status"))
                    return false
                }
                return (text: text, ended: Date())
            }
        }
        let deadline = Date().addingTimeInterval(30)
        while streaming.time == nil && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        try #require(streaming.time != nil, "the stream sent no status within 30 s")
        let started = Date()
        try await server.stop()
        let (text, ended) = try await reader.value
        #expect(ended.timeIntervalSince(started) < 5, "graceful shutdown waited for the open stream")
        #expect(text.contains("event: status"))
    }
}

/// When a condition first held, stamped on whichever thread checked it.
private final class ArrivalStamp: Sendable {
    private let stamp = Mutex<Date?>(nil)

    /// The time `mark(when: true)` was first called.
    var time: Date? { stamp.withLock { $0 } }

    /// Returns `condition`, stamping the time the first time it is true.
    func mark(when condition: Bool) -> Bool {
        if condition { stamp.withLock { $0 = $0 ?? Date() } }
        return condition
    }
}
