import Foundation
import SERDashboard
import SERStore
import Testing

/// The dashboard's HTTP API over a real socket, against a database the workbench made in
/// process.
@Suite(.serialized) struct DashboardServerTests {
    /// One database for the read-only tests (training it is the slow part).
    static let shared = Result { try DashboardHarness() }

    static func json(_ response: RawHTTP.Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }

    @Test func runsListAndFilterErrorWithCaret() async throws {
        let harness = try Self.shared.get()
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        let list = try await RawHTTP.request(port: server.port, "/api/runs")
        #expect(list.status == 200)
        let runs = try #require(try Self.json(list)["runs"] as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == [Int(harness.runID)])
        #expect(runs.first?["name"] as? String == "tiny")
        // A filter matching nothing, then one that does.
        let none = try Self.json(try await RawHTTP.request(port: server.port, "/api/runs?where=test.acc%20%3E%201.5"))
        #expect((none["runs"] as? [Any])?.isEmpty == true && none["matched"] as? Int == 0)
        let some = try Self.json(try await RawHTTP.request(port: server.port, "/api/runs?where=name%20%3D%20'tiny'"))
        #expect(some["matched"] as? Int == 1)
        // A misspelt field: 400 with the expression and a caret under the token.
        let bad = try await RawHTTP.request(port: server.port, "/api/runs?where=lrr%20%3C%200.01")
        #expect(bad.status == 400)
        let message = try #require(try Self.json(bad)["error"] as? String)
        #expect(message.contains("unknown field 'lrr'"))
        #expect(message.contains("  lrr < 0.01\n  ^^^"))
        // The Runs page shows the same caret.
        let page = try await RawHTTP.request(port: server.port, "/runs?where=lrr+%3C+0.01")
        #expect(page.status == 200 && page.text.contains("id=\"filter-error\"") && page.text.contains("^^^"))
        // Oversized limit and filter: 413 with a message.
        #expect(try await RawHTTP.request(port: server.port, "/api/runs?limit=10001").status == 413)
        let long = String(repeating: "a", count: 2100)
        #expect(try await RawHTTP.request(port: server.port, "/api/runs?where=\(long)").status == 413)
        #expect(try await RawHTTP.request(port: server.port, "/api/runs?limit=-3").status == 400)
        try await server.stop()
    }

    @Test func runDetailConfusionAndTheClipsOfACell() async throws {
        let harness = try Self.shared.get()
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        let detail = try Self.json(try await RawHTTP.request(port: server.port, "/api/runs/\(harness.runID)"))
        #expect((detail["epochs"] as? [Any])?.count == 2)
        #expect((detail["run"] as? [String: Any])?["status"] as? String == "finished")
        #expect((detail["settings"] as? [String: Any])?["epochs"] as? String == "2")
        #expect(detail["provenance"] is [String: Any])
        let confusion = try Self.json(try await RawHTTP.request(port: server.port, "/api/runs/\(harness.runID)/confusion"))
        let labels = try #require(confusion["labels"] as? [String])
        let counts = try #require(confusion["counts"] as? [[Int]])
        #expect(confusion["subset"] as? String == "test" && labels.count == 4)
        // Actor 3 held out: 4 emotions × 3 repetitions = 12 test clips.
        #expect(counts.joined().reduce(0, +) == 12)
        // Every cell lists exactly its count of clips, all with that true and predicted label.
        let store = try Store.open(at: harness.databasePath, readOnly: true)
        for (t, trueLabel) in labels.enumerated() {
            for (p, predicted) in labels.enumerated() {
                let response = try await RawHTTP.request(
                    port: server.port, "/api/runs/\(harness.runID)/predictions?true=\(trueLabel)&predicted=\(predicted)")
                #expect(response.status == 200)
                let clips = try #require(try Self.json(response)["clips"] as? [[String: Any]])
                #expect(clips.count == counts[t][p])
                for clip in clips {
                    #expect(clip["trueLabel"] as? String == trueLabel && clip["predicted"] as? String == predicted)
                    #expect(clip["speaker"] as? String == "03")
                    let probabilities = try #require(clip["probabilities"] as? [Double])
                    #expect(probabilities.count == 4 && abs(probabilities.reduce(0, +) - 1) < 1e-4)
                    let id = try #require(clip["clipID"] as? Int)
                    let record = try #require(try store.read { try DatasetStore.clip(id: Int64(id), $0) })
                    #expect(record.label == trueLabel)
                }
            }
        }
        #expect(try await RawHTTP.request(port: server.port, "/api/runs/\(harness.runID)/predictions?true=joy&predicted=sad").status == 400)
        #expect(try await RawHTTP.request(port: server.port, "/api/runs/\(harness.runID)/predictions").status == 400)
        try await server.stop()
    }

    @Test func badIdsAndTraversalAreRefusedWithAMessage() async throws {
        let harness = try Self.shared.get()
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        let cases: [(String, Int)] = [
            ("/api/runs/999", 404), ("/api/runs/abc", 400), ("/api/runs/-1", 400), ("/api/runs/99999999999999999999", 400),
            ("/api/clips/999999/audio", 404), ("/api/clips/x/audio", 400), ("/api/nothing", 404), ("/runs/0", 400),
            ("/../../etc/passwd", 404), ("/api/clips/1/../../../etc/passwd", 404), ("/api/clips/%2e%2e%2f%2e%2e%2fetc%2fpasswd/audio", 400),
            ("/assets/..%2f..%2fPackage.swift", 404), ("/assets/dashboard.js/../../ser.db", 404), ("/ser.db", 404),
            ("/api/runs/1%00/audio", 404),
        ]
        for (target, status) in cases {
            let response = try await RawHTTP.request(port: server.port, target)
            #expect(response.status == status, "\(target)")
            #expect(!response.text.contains("root:") && !response.text.contains("SQLite format"), "\(target)")
            #expect(!response.body.isEmpty, "\(target): an error says why")
        }
        #expect(try await RawHTTP.request(port: server.port, "/api/runs", method: "POST").status == 405)
        let huge = "/api/runs?where=" + String(repeating: "x", count: 9000)
        #expect(try await RawHTTP.request(port: server.port, huge).status == 413)
        try await server.stop()
    }

    @Test func audioByClipIdWithAndWithoutRange() async throws {
        let harness = try Self.shared.get()
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        let whole = try await RawHTTP.request(port: server.port, "/api/clips/1/audio")
        #expect(whole.status == 200 && whole.headers["content-type"] == "audio/wav" && whole.headers["accept-ranges"] == "bytes")
        // 0.5 s of 16 kHz mono, 16-bit: 8,000 frames after a 44-byte header.
        #expect(whole.body.count == 44 + 8_000 * 2)
        #expect(whole.body.prefix(4) == Data("RIFF".utf8) && whole.body[8..<12] == Data("WAVE".utf8))
        let part = try await RawHTTP.request(port: server.port, "/api/clips/1/audio", headers: ["Range": "bytes=100-199"])
        #expect(part.status == 206 && part.body == whole.body[100..<200])
        #expect(part.headers["content-range"] == "bytes 100-199/\(whole.body.count)")
        let tail = try await RawHTTP.request(port: server.port, "/api/clips/1/audio", headers: ["Range": "bytes=-10"])
        #expect(tail.status == 206 && tail.body == whole.body.suffix(10))
        let open = try await RawHTTP.request(port: server.port, "/api/clips/1/audio", headers: ["Range": "bytes=16000-"])
        #expect(open.status == 206 && open.body == whole.body[16000...])
        #expect(try await RawHTTP.request(port: server.port, "/api/clips/1/audio", headers: ["Range": "bytes=999999-"]).status == 416)
        #expect(try await RawHTTP.request(port: server.port, "/api/clips/1/audio", headers: ["Range": "bytes=abc"]).status == 400)
        try await server.stop()
    }

    @Test func tokenIsRequiredWhenConfiguredAndForNonLoopbackHosts() async throws {
        let harness = try Self.shared.get()
        let readOnly = try Store.open(at: harness.databasePath, readOnly: true)
        #expect(throws: DashboardError.self) { try DashboardServer(store: readOnly, host: "0.0.0.0", port: 0, token: nil) }
        #expect(throws: DashboardError.self) { try DashboardServer(store: readOnly, host: "192.168.1.5", port: 0, token: "") }
        let token = "s3cret-token-1234"
        let server = try await harness.start(token: token)
        defer { Task { try? await server.stop() } }
        for target in ["/api/runs", "/runs", "/api/clips/1/audio", "/api/runs/\(harness.runID)/events", "/assets/dashboard.js"] {
            #expect(try await RawHTTP.request(port: server.port, target).status == 401, "\(target)")
            #expect(try await RawHTTP.request(port: server.port, target + "?token=wrong-token-1234").status == 401, "\(target)")
        }
        #expect(try await RawHTTP.request(port: server.port, "/api/runs?token=\(token)").status == 200)
        #expect(try await RawHTTP.request(port: server.port, "/api/runs", headers: ["X-SER-Token": token]).status == 200)
        #expect(try await RawHTTP.request(port: server.port, "/api/runs", headers: ["Authorization": "Bearer \(token)"]).status == 200)
        // Pages carry the token into their links.
        let page = try await RawHTTP.request(port: server.port, "/runs?token=\(token)")
        #expect(page.text.contains("/runs/\(harness.runID)?token=\(token)"))
        try await server.stop()
    }

    @Test func pagesRenderAndTheDatabaseStaysByteIdentical() async throws {
        let harness = try Self.shared.get()
        let before = try Data(contentsOf: URL(fileURLWithPath: harness.databasePath))
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        let run = try await RawHTTP.request(port: server.port, "/runs/\(harness.runID)")
        #expect(run.status == 200 && run.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(run.text.contains("<svg") && run.text.contains("id=\"confusion\"") && run.text.contains("id=\"curves\""))
        #expect(run.text.contains("data-true=\"angry\"") || run.text.contains("data-true="))
        let compare = try await RawHTTP.request(port: server.port, "/compare?run=\(harness.runID)")
        #expect(compare.status == 200 && compare.text.contains("<svg"))
        let dataset = try await RawHTTP.request(port: server.port, "/datasets/tones")
        #expect(dataset.status == 200 && dataset.text.contains("id=\"emotions\""))
        let datasets = try Self.json(try await RawHTTP.request(port: server.port, "/api/datasets"))
        let tones = try #require((datasets["datasets"] as? [[String: Any]])?.first)
        #expect(tones["clips"] as? Int == 36 && (tones["speakers"] as? [String: Int])?["03"] == 12)
        #expect(try await RawHTTP.request(port: server.port, "/api/runs/\(harness.runID)/curves.svg").text.hasPrefix("<?xml"))
        #expect(try await RawHTTP.request(port: server.port, "/assets/dashboard.js").status == 200)
        _ = try await RawHTTP.request(port: server.port, "/api/clips/2/audio")
        try await server.stop()
        let after = try Data(contentsOf: URL(fileURLWithPath: harness.databasePath))
        #expect(before == after, "the database file changed during a session of page loads")
    }
}
