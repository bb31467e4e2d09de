import Foundation
import GRDB
import SERStore
import SERTestSupport
import Testing
@testable import SERRemote

/// The remote commands as the `ser` process runs them, against a real server.
@Suite(.enabled(if: TestPostgres.isAvailable, Comment(rawValue: TestPostgres.skipReason)))
struct RemoteProcessTests {
    /// `.build/debug/ser`, built with the tests.
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/ser")

    /// Runs `ser` with `arguments` to its end: exit status, standard output, standard error.
    static func ser(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// `ser push` killed with SIGKILL in the middle of a run's transaction: the remote holds no
    /// part of that run, and the next push sends every run, duplicating nothing. The push is
    /// caught mid-transaction deterministically: the test holds a lock on `checkpoint_tensors`,
    /// the last table of a run, so the push waits there with the run's other rows written in
    /// its open transaction (a push interrupted between runs: `RemoteServerTests`).
    @Test(.timeLimit(.minutes(10)))
    func aPushKilledMidTransferIsFinishedByTheNextPush() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build ser first (swift build)")
        let store = try RemoteFixture.makeStore()
        let runs = 40
        let epochs = 20
        for i in 0..<runs { try RemoteFixture.addFinishedRun(to: store, name: "r\(i)", seed: Int64(i), epochs: epochs) }
        try await TestPostgres.with { server in
            try store.addRemote(name: "origin", url: server.url)
            func count(_ table: String) throws -> Int {
                Int(try server.value("SELECT count(*) FROM \(table)")) ?? -1
            }
            // The test's own connection (made first: it migrates the remote) holds the lock.
            let holder = try await Remote.connect(name: "origin", url: try RemoteURL(server.url), password: nil)
            let first = Process()
            do {
                try await holder.execute("BEGIN")
                try await holder.execute("LOCK TABLE checkpoint_tensors IN ACCESS EXCLUSIVE MODE")
                first.executableURL = Self.binary
                first.arguments = ["push", "origin", "--db", store.path]
                first.standardOutput = FileHandle.nullDevice
                first.standardError = FileHandle.nullDevice
                try first.run()
                // The push is waiting for the lock, inside its first run's transaction.
                let deadline = Date().addingTimeInterval(120)
                while first.isRunning, Date() < deadline, try server.value("SELECT count(*) FROM pg_locks WHERE NOT granted") == "0" {
                    try await Task.sleep(for: .milliseconds(50))
                }
                kill(first.processIdentifier, SIGKILL)
                first.waitUntilExit()
                try await holder.execute("ROLLBACK")
                await holder.close()
            } catch {
                await holder.close()
                throw error
            }
            #expect(first.terminationReason == .uncaughtSignal, "the first push was killed, not finished")
            // Nothing of the run in flight is on the remote: no run, no epoch, no checkpoint.
            #expect(try count("runs") == 0 && count("epochs") == 0 && count("checkpoints") == 0)

            let second = Process()
            second.executableURL = Self.binary
            second.arguments = ["push", "origin", "--db", store.path, "--quiet"]
            try second.run()
            second.waitUntilExit()
            #expect(second.terminationStatus == 0)
            #expect(try count("runs") == runs)
            #expect(try count("epochs") == runs * epochs)
            // Every run reads back exactly as pushed, the interrupted ones included.
            let remote = try await Remote.connect(name: "origin", url: try RemoteURL(server.url), password: nil)
            for candidate in try store.pushCandidates(nil) {
                let local = try store.exportTables(.run, key: candidate.uuid).map { "\($0.name) \($0.rows.map { "\($0)" }.sorted())" }
                let there = try await remote.fetch(.run, key: candidate.uuid).map { "\($0.name) \($0.rows.map { "\($0)" }.sorted())" }
                #expect(there == local, "run \(candidate.id) differs on the remote")
            }
            await remote.close()
        }
    }

    /// `runs`, `show`, `compare` and `diff` with `--remote` read the team's runs from a database
    /// that has none of them, and say exactly what the pushing database says about its own;
    /// the reading database is left as it was.
    @Test(.timeLimit(.minutes(10)))
    func readCommandsShowTheRemoteAsThePushingDatabaseShowsItself() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build ser first (swift build)")
        let source = try RemoteFixture.makeStore()
        for i in 0..<3 { try RemoteFixture.addFinishedRun(to: source, name: "r\(i)", seed: Int64(i + 1)) }
        let reader = try RemoteFixture.makeStore()
        try await TestPostgres.with { server in
            try reader.addRemote(name: "origin", url: server.url)
            let remote = try await Remote.connect(name: "origin", url: try RemoteURL(server.url), password: nil)
            #expect(try await remote.push(from: source, runIDs: nil).pushed.count == 3)
            await remote.close()
            let before = try Data(contentsOf: URL(fileURLWithPath: reader.path))
            for command in [["runs"], ["show", "r1"], ["compare"], ["diff", "r0", "r2"], ["show", "last"]] {
                let here = try Self.ser(command + ["--db", source.path, "--json"])
                let there = try Self.ser(command + ["--db", reader.path, "--remote", "origin", "--json"])
                #expect(here.status == 0 && there.status == 0, "\(command): \(here.err) \(there.err)")
                #expect(!there.out.isEmpty && there.out == here.out, "ser \(command.joined(separator: " ")) --remote differs")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: reader.path)) == before, "the reading database is unchanged")
            let missing = try Self.ser(["runs", "--db", reader.path, "--remote", "lab"])
            #expect(missing.status != 0 && missing.err.contains("lab") && missing.out.isEmpty, "\(missing.err)")
        }
    }
}
