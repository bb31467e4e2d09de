import Foundation
import SERStore
import SERTestSupport
import Testing

/// Workers on other hosts: the server, the machine that queues and each worker in its own
/// network namespace, joined only by veth links (``TestNetwork``), all through the `ser`
/// binary as a user runs it.
@Suite(
    .enabled(if: TestPostgres.isAvailable, Comment(rawValue: TestPostgres.skipReason)),
    .enabled(if: TestNetwork.isAvailable, Comment(rawValue: TestNetwork.skipReason)))
struct WorkerNetworkTests {
    /// Runs `arguments` to its end; its exit status and output.
    static func run(_ arguments: [String], log: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.timeLimit(.minutes(10)))
    func workersOnTwoOtherHostsDrainOneQueue() async throws {
        let binary = WorkerProcessTests.binary.path
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build ser first (swift build)")
        let fixture = try WorkerFixture()
        defer { fixture.remove() }
        let network = try TestNetwork(clients: 2)
        defer { network.remove() }
        try await TestPostgres.with(network: network) { server in
            // Host 1 queues a sweep through the CLI (its feature tensors go up with it).
            try fixture.workbench.store.addRemote(name: "origin", url: server.url(for: network, client: 0))
            let queued = try Self.run(
                network.inside(network.clients[0]) + [
                    binary, "sweep", "--db", fixture.workbench.store.path, "--queue", "origin", "--lr", "1e-2,5e-3,3e-3,2e-3",
                    "--sample-rate", "16000", "--layers", "8", "--dense", "8", "--batch", "8", "--max-frames", "16", "--dropout", "0",
                    "--threads", "1", "--epochs", "2", "--test-speakers", "4", "--name", "across",
                ], log: fixture.folder.appendingPathComponent("queue.log"))
            let queueLog = (try? String(contentsOf: fixture.folder.appendingPathComponent("queue.log"), encoding: .utf8)) ?? ""
            try #require(
                queued == 0,
                "ser sweep --queue from host 1: \(queueLog.split(separator: "\n").filter { !$0.contains("clips/s") }.joined(separator: "\n"))"
            )
            #expect(queueLog.contains("Queued 4 trials") && queueLog.contains("feature tensors"), "\(queueLog)")
            // One worker on each host, each over its own database, reaching the server by the
            // address its own link has.
            var workers: [Process] = []
            for (i, host) in network.clients.enumerated() {
                let store = try Store.create(at: fixture.folder.appendingPathComponent("h\(i + 1).db").path)
                try store.addRemote(name: "origin", url: server.url(for: network, client: i))
                let process = Process()
                let command =
                    network.inside(host) + [
                        binary, "worker", "origin", "--db", store.path, "--until-empty", "--poll", "0.3", "--name", "h\(i + 1)",
                    ]
                process.executableURL = URL(fileURLWithPath: command[0])
                process.arguments = Array(command.dropFirst())
                let log = fixture.folder.appendingPathComponent("h\(i + 1).log")
                _ = FileManager.default.createFile(atPath: log.path, contents: nil)
                let handle = try FileHandle(forWritingTo: log)
                process.standardOutput = handle
                process.standardError = handle
                try process.run()
                workers.append(process)
            }
            for worker in workers { try await WorkerProcessTests.waitForExit(worker, upTo: 480) }
            for (i, worker) in workers.enumerated() {
                let log = (try? String(contentsOf: fixture.folder.appendingPathComponent("h\(i + 1).log"), encoding: .utf8)) ?? ""
                #expect(worker.terminationStatus == 0, "worker h\(i + 1): \(log.suffix(2000))")
            }
            #expect(try server.value("SELECT count(*) FROM queue_trials WHERE state = 'finished'") == "4")
            #expect(try server.value("SELECT count(*) FROM runs") == "5", "the four trials and their sweep, once each")
            // Both hosts reached the server (each registered); together they trained every trial.
            #expect(try server.value("SELECT string_agg(name, ',' ORDER BY name) FROM queue_workers") == "h1,h2")
            #expect(try server.value("SELECT sum(finished) FROM queue_workers") == "4")
            #expect(try server.value("SELECT count(*) FROM features") != "0")
            #expect(try server.value("SELECT status FROM runs WHERE kind = 'sweep'") == "finished")
        }
    }
}
