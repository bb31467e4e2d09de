import Foundation
import SERCore
import SERDashboard
import SERStore
import SERTestSupport
import SERWorkbench
import Synchronization

/// A database made by the workbench in process (tone corpus, one tiny trained run), and
/// ``DashboardServer`` over it, opened read-only, on a free loopback port.
final class DashboardHarness: Sendable {
    let folder: URL
    /// The writable store the workbench used (tests that simulate a live run write with it).
    let store: Store
    /// The finished tiny run.
    let runID: Int64
    /// A finished sweep over `lr` (two one-epoch trials), when asked for.
    let sweepID: Int64?

    var databasePath: String { folder.appendingPathComponent("ser.db").path }
    var corpus: URL { folder.appendingPathComponent("corpus") }

    /// Imports a three-actor tone corpus (speaker `03` held out for test) and trains two epochs;
    /// with `sweep`, also sweeps `lr` over 1e-3 and 1e-2 (one epoch each).
    init(storeAudio: Bool = false, sweep: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ser-dashboard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try ToneCorpus.write(to: folder.appendingPathComponent("corpus"), actors: 3)
        store = try Store.create(at: folder.appendingPathComponent("ser.db").path)
        let workbench = Workbench(store: store, invocation: Invocation(commandLine: "DashboardTests"))
        var request = ImportRequest(paths: [folder.appendingPathComponent("corpus").path], name: "tones")
        request.storeAudio = storeAudio
        _ = try workbench.importCorpus(request)
        var s = RunSettings()
        s.sampleRate = 16_000
        s.layers = [8]
        s.dense = [8]
        s.batch = 8
        s.maxFrames = 16
        s.dropout = 0
        s.threads = 1
        s.epochs = 2
        s.seed = 1
        s.testSpeakers = ["3"]
        runID = try workbench.train(s, TrainingRequest(name: "tiny")).run
        if sweep {
            s.epochs = 1
            sweepID = try workbench.sweep(s, grid: try SweepGrid.parse([("lr", "1e-3,1e-2")]), name: "lr-sweep").sweep
        } else {
            sweepID = nil
        }
        store.checkpoint()
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A running server and how to stop it.
    final class Running: Sendable {
        private let boundPort = Atomic<Int>(0)
        private let stopFlag = Atomic<Bool>(false)
        private let task = Mutex<Task<Void, any Error>?>(nil)

        /// The port the server listens on.
        var port: Int { boundPort.load(ordering: .relaxed) }

        fileprivate var shouldStop: Bool { stopFlag.load(ordering: .relaxed) }

        fileprivate func ready(_ port: Int) { boundPort.store(port, ordering: .relaxed) }

        fileprivate func attach(_ running: Task<Void, any Error>) { task.withLock { $0 = running } }

        /// Stops the server and waits until it has shut down (graceful).
        func stop() async throws {
            stopFlag.store(true, ordering: .relaxed)
            try await task.withLock { $0 }?.value
        }
    }

    /// Starts the dashboard on 127.0.0.1 (or `host`) with a free port over a read-only store.
    func start(token: String? = nil, host: String = "127.0.0.1") async throws -> Running {
        let readOnly = try Store.open(at: databasePath, readOnly: true)
        let server = try DashboardServer(store: readOnly, host: host, port: 0, token: token)
        let running = Running()
        let task = server.start(onReady: { running.ready($0) }, shouldStop: { running.shouldStop })
        running.attach(task)
        let deadline = Date().addingTimeInterval(30)
        while running.port == 0 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        guard running.port != 0 else {
            try await running.stop()
            throw RawHTTP.Failure.socket("the server did not start listening within 30 s")
        }
        return running
    }
}
