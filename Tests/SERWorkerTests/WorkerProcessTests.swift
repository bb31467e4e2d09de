import Foundation
import SERCore
import SERRemote
import SERStore
import SERTestSupport
import SERWorkbench
import Testing
import SERWorker

/// `ser worker` processes against a real PostgreSQL server: killed workers, a restarted
/// server.
@Suite(.enabled(if: TestPostgres.isAvailable, Comment(rawValue: TestPostgres.skipReason)), .serialized)
struct WorkerProcessTests {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `.build/debug/ser`, built with the tests.
    static var binary: URL { packageRoot.appendingPathComponent(".build/debug/ser") }

    /// Starts `ser worker origin` over `store`, its output in `log`.
    static func startWorker(_ store: Store, name: String, log: URL, staleAfter: Double = 3, jobs: Int = 1) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = [
            "worker", "origin", "--db", store.path, "--until-empty", "--stale-after", "\(staleAfter)", "--poll", "0.3", "--name", name,
            "--jobs", "\(jobs)",
        ]
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)  // FileHandle(forWritingTo:) reports a failure
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// What a test waited for in vain.
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    /// Waits until `condition` holds, checking every 0.2 s for at most `seconds`.
    static func wait(upTo seconds: Double, _ what: String, _ condition: () throws -> Bool) async throws {
        let end = Date().addingTimeInterval(seconds)
        while try !condition() {
            guard Date() < end else { throw Timeout(description: "gave up waiting for \(what) after \(seconds) s") }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Waits for `process` to exit, killing it after `seconds`.
    static func waitForExit(_ process: Process, upTo seconds: Double) async throws {
        try? await wait(upTo: seconds, "worker \(process.processIdentifier) to exit") { !process.isRunning }
        if process.isRunning {
            process.terminate()
            throw Timeout(description: "worker \(process.processIdentifier) did not stop within \(seconds) s")
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func threeWorkersOneKilledMidTrialRecordEveryTrialOnce() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build ser first (swift build)")
        let fixture = try WorkerFixture()
        defer { fixture.remove() }
        try await TestPostgres.with { server in
            let grid = try SweepGrid.parse([("lr", "1e-2,5e-3,3e-3"), ("seed", "1,2,3,4")])
            let submission = try fixture.workbench.planSweep(WorkerFixture.tiny(epochs: 6), grid: grid, name: "fault").submission()
            #expect(submission.trials.count == 12)
            let remote = try await WorkerFixture.connect(server)
            try await remote.enqueue(submission, from: fixture.workbench.store)
            await remote.close()
            var workers: [Process] = []
            for i in 0..<3 {
                let store = try fixture.workerStore("w\(i)", server: server)
                workers.append(try Self.startWorker(store, name: "w\(i)", log: fixture.folder.appendingPathComponent("w\(i).log")))
            }
            // Kill w0 as soon as it holds a trial: the trial it was training when it died (a tiny
            // trial can finish within a second on a quiet machine, so no sleep in between).
            var victim = ""
            try await Self.wait(upTo: 300, "w0 to train a trial") {
                victim = try server.value("SELECT id FROM queue_trials WHERE worker = 'w0' AND state = 'running'")
                return !victim.isEmpty
            }
            kill(workers[0].processIdentifier, SIGKILL)
            try await Self.waitForExit(workers[0], upTo: 10)
            for worker in workers.dropFirst() { try await Self.waitForExit(worker, upTo: 480) }
            for worker in workers.dropFirst() { #expect(worker.terminationStatus == 0) }

            #expect(try server.value("SELECT count(*) FROM queue_trials WHERE state = 'finished'") == "12")
            // Every trial's run is there once, under the sweep, and nothing else is.
            #expect(try server.value("SELECT count(*) FROM runs") == "13")
            #expect(
                try server.value("SELECT count(*) FROM runs r JOIN queue_trials t ON t.uuid = r.uuid WHERE r.status = 'finished'") == "12")
            #expect(try server.value("SELECT count(*) FROM epochs") == "\(12 * 6)")
            #expect(try server.value("SELECT count(DISTINCT run_uuid) FROM run_metrics WHERE subset = 'test'") == "13")
            // The killed worker's trial was taken over by another.
            let taken = try server.value("SELECT attempts || ' ' || worker FROM queue_trials WHERE id = \(victim)")
            #expect(taken == "2 w1" || taken == "2 w2", "\(taken)")
            #expect(try server.value("SELECT state FROM queue_groups") == "finished")
            #expect(try server.value("SELECT status FROM runs WHERE kind = 'sweep'") == "finished")
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func workersReconnectAfterTheServerRestartsMidSweep() async throws {
        let fixture = try WorkerFixture()
        defer { fixture.remove() }
        try await TestPostgres.with { server in
            let grid = try SweepGrid.parse([("lr", "1e-2,5e-3,3e-3,2e-3")])
            let submission = try fixture.workbench.planSweep(WorkerFixture.tiny(epochs: 4), grid: grid, name: "restart").submission()
            let remote = try await WorkerFixture.connect(server)
            try await remote.enqueue(submission, from: fixture.workbench.store)
            await remote.close()
            // One `ser worker --jobs 2`: two worker processes over one database.
            let workers = [
                try Self.startWorker(
                    try fixture.workerStore("w", server: server), name: "w", log: fixture.folder.appendingPathComponent("w0.log"),
                    staleAfter: 30,
                    jobs: 2)
            ]
            try await Self.wait(upTo: 300, "a finished trial") {
                try server.value("SELECT count(*) FROM queue_trials WHERE state = 'finished'") != "0"
            }
            try server.kill()
            try await Task.sleep(for: .seconds(3))
            try server.startAgain()
            for (i, worker) in workers.enumerated() {
                do {
                    try await Self.waitForExit(worker, upTo: 240)
                } catch {
                    let log = (try? String(contentsOf: fixture.folder.appendingPathComponent("w\(i).log"), encoding: .utf8)) ?? ""
                    Issue.record("\(error); its log:\n\(log.suffix(3000))")
                }
            }
            for worker in workers { #expect(worker.terminationStatus == 0) }
            #expect(try server.value("SELECT count(*) FROM queue_trials WHERE state = 'finished'") == "4")
            #expect(try server.value("SELECT count(*) FROM runs") == "5")
            #expect(try server.value("SELECT string_agg(name, ',' ORDER BY name) FROM queue_workers") == "w/1,w/2")
            #expect(try server.value("SELECT count(*) FROM epochs") == "\(4 * 4)")
            #expect(try server.value("SELECT state FROM queue_groups") == "finished")
        }
    }
}
