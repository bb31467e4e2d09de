import Foundation
import SERDashboard
import SERStore
import Testing

/// The events endpoint of a run in progress: an epoch committed by another connection reaches
/// the client within a second; the stream ends when the run does.
@Suite struct DashboardLiveTests {
    @Test func aCommittedEpochIsStreamedWithinASecond() async throws {
        let harness = try DashboardHarness()
        defer { harness.remove() }
        let run = try harness.store.createRun(
            NewRun(name: "live", datasetVersionID: nil, featureConfigID: nil, split: "speaker", seed: 7, config: "{}", commandLine: "live test",
                provenance: Provenance(serVersion: "test")))
        try harness.store.markRunning(run, pid: getpid())
        try harness.store.recordEpoch(run, EpochRecord(epoch: 1, trainLoss: 1.2, trainAccuracy: 0.3, learningRate: 0.001, wallSeconds: 0.5), last: nil, best: nil)
        let server = try await harness.start()
        defer { Task { try? await server.stop() } }
        // The page lists the running run and starts streaming after its last epoch.
        let page = try await RawHTTP.request(port: server.port, "/runs/\(run)")
        #expect(page.text.contains("data-last-epoch=\"1\"") && page.text.contains("data-status=\"running\""))
        let port = server.port
        let writer = Task.detached {
            try await Task.sleep(for: .milliseconds(600))
            let at = Date()
            try harness.store.recordEpoch(run, EpochRecord(epoch: 2, trainLoss: 1.0, trainAccuracy: 0.4, learningRate: 0.001, wallSeconds: 0.5), last: nil, best: nil)
            return at
        }
        // The arrival is timed on the reading thread, when the bytes came: the test's own task
        // may resume later when other suites keep the shared pool busy.
        let (text, arrived) = try await RawHTTP.onThread {
            (try RawHTTP.streamBlocking(port: port, "/api/runs/\(run)/events?after=1", timeout: 10) { $0.contains("\"epoch\":2") }, Date())
        }
        let writtenAt = try await writer.value
        #expect(text.contains("text/event-stream"))
        #expect(text.contains("event: status\ndata: running"))
        #expect(!text.contains("\"epoch\":1,"), "only epochs after ?after=1 are sent")
        try #require(text.contains("\"epoch\":2"), "epoch 2 never arrived: \(text)")
        #expect(arrived.timeIntervalSince(writtenAt) < 1.0, "epoch 2 arrived \(arrived.timeIntervalSince(writtenAt)) s after its commit")
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
            NewRun(datasetVersionID: nil, featureConfigID: nil, split: nil, seed: 1, config: "{}", commandLine: "t", provenance: Provenance(serVersion: "test")))
        try harness.store.markRunning(run, pid: getpid())
        let server = try await harness.start()
        let port = server.port
        // The stream's end is timed on the reading thread (see above).
        let reader = Task.detached {
            try await RawHTTP.onThread { (try RawHTTP.streamBlocking(port: port, "/api/runs/\(run)/events", timeout: 20) { _ in false }, Date()) }
        }
        try await Task.sleep(for: .milliseconds(500))
        let started = Date()
        try await server.stop()
        let (text, ended) = try await reader.value
        #expect(ended.timeIntervalSince(started) < 5, "graceful shutdown waited for the open stream")
        #expect(text.contains("event: status"))
    }
}
