import Foundation
import SERCore
import SERRemote
import SERStore
import SERTestSupport
import SERWorkbench
import SERWorker

/// A database with the tone corpus imported (the enqueuer's), empty databases for workers,
/// and settings for runs that train in about a second.
struct WorkerFixture {
    let folder: URL
    let workbench: Workbench

    init() throws {
        folder = try ScratchFolder.make("worker")
        try ToneCorpus.write(to: folder.appendingPathComponent("corpus"), actors: 4, repetitions: 2)
        workbench = Workbench(
            store: try Store.create(at: folder.appendingPathComponent("ser.db").path), invocation: Invocation(commandLine: "WorkerTests"))
        _ = try workbench.importCorpus(ImportRequest(paths: [folder.appendingPathComponent("corpus").path], name: "tones"))
    }

    /// A new empty database for a worker, with `server` as its remote `origin`.
    func workerStore(_ name: String, server: TestPostgres) throws -> Store {
        let store = try Store.create(at: folder.appendingPathComponent("\(name).db").path)
        try store.addRemote(name: "origin", url: server.url)
        return store
    }

    /// Tiny settings: one LSTM layer of 8, 16 frames, speaker 4 held out for test.
    static func tiny(epochs: Int = 3, lr: Double = 1e-2) -> RunSettings {
        var s = RunSettings()
        s.sampleRate = 16_000
        s.layers = [8]
        s.dense = [8]
        s.batch = 8
        s.maxFrames = 16
        s.dropout = 0
        s.threads = 1
        s.epochs = epochs
        s.lr = lr
        s.seed = 3
        s.testSpeakers = ["4"]
        return s
    }

    /// A worker over `store` that stops when the queue is empty.
    static func worker(_ store: Store, server: TestPostgres, name: String, staleAfter: Double = 60) throws -> Worker {
        let url = try RemoteURL(server.url)
        return Worker(
            workbench: Workbench(store: store, invocation: Invocation(commandLine: "WorkerTests")),
            options: WorkerOptions(name: name, staleAfter: staleAfter, pollInterval: 0.2, untilEmpty: true, reconnectFor: 60),
            connect: { try await Remote.connect(name: "origin", url: url, password: nil) })
    }

    static func connect(_ server: TestPostgres) async throws -> Remote {
        try await Remote.connect(name: "origin", url: try RemoteURL(server.url), password: nil)
    }

    /// Runs `body` with a connection that is closed however `body` ends.
    static func withRemote<T>(_ server: TestPostgres, _ body: (Remote) async throws -> T) async throws -> T {
        try await Remote.withConnection(name: "origin", url: try RemoteURL(server.url), password: nil, body)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
