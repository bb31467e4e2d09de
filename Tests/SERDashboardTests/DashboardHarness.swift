import Foundation
import SERCore
import SERDashboard
import SERStore
import SERTestSupport
import SERWorkbench

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
        folder = try ScratchFolder.make("dashboard")
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

    /// `.build/debug/ser`, built with the tests.
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/ser")

    /// A running `ser ui` process and how to stop it.
    final class Running: Sendable {
        /// The port the server listens on.
        let port: Int
        private let process: Process

        fileprivate init(port: Int, process: Process) {
            self.port = port
            self.process = process
        }

        /// A server its test forgot (or a failed expectation skipped) does not outlive it.
        deinit {
            if process.isRunning { process.terminate() }
        }

        /// Stops the server as Ctrl-C does and waits until the process has exited (graceful).
        func stop() async throws {
            guard process.isRunning else { return }
            process.interrupt()
            let process = self.process
            try await RawHTTP.onThread { process.waitUntilExit() }
        }
    }

    /// Starts `ser ui --port 0` over the database (read-only) on 127.0.0.1 (or `host`) and
    /// waits for the URL it prints.
    ///
    /// A process of its own, as a user starts it: Swift Testing runs the other tests in
    /// parallel on the cooperative pool (one thread per core), and a server task in this
    /// process could wait there for tens of seconds behind synchronous tests.
    func start(token: String? = nil, host: String = "127.0.0.1") async throws -> Running {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["--db", databasePath, "ui", "--port", "0", "--host", host] + (token.map { ["--token", $0] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = output.fileHandleForReading
        // The first line names the URL: `ser ui: serving PATH (read-only) at http://HOST:PORT/…`.
        let port = try await RawHTTP.onThread { () throws -> Int in
            var text = ""
            while !text.contains("\n") {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            guard let match = text.firstMatch(of: /:(\d+)\//), let port = Int(match.1) else {
                throw RawHTTP.Failure.socket("ser ui printed no URL: \(text)")
            }
            return port
        }
        return Running(port: port, process: process)
    }
}
