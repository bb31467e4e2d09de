import Foundation
import GRDB
import Testing
@testable import SERStore
import SERCore
import SERTestSupport

/// Migration 0007: every run has a UUID, old ones backfilled, new ones from `createRun`.
@Suite struct RunUUIDTests {
    /// Lowercase version-4 UUID text.
    static func isUUID(_ text: String?) -> Bool {
        text?.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil
    }

    @Test func runsOfAnOlderDatabaseGetDistinctVersion4UUIDs() throws {
        let queue = try DatabaseQueue()
        try Migrator(migrations: EmbeddedMigrations.all.filter { $0.version < 7 }).migrate(queue, path: ":memory:")
        try queue.write { db in
            for id in 1...50 {
                try db.execute(
                    sql: "INSERT INTO runs (id, seed, config, command_line, created_at) VALUES (?, 1, '{}', 'ser run', 'now')",
                    arguments: [id])
            }
        }
        try Migrator(migrations: EmbeddedMigrations.all).migrate(queue, path: ":memory:")
        let uuids = try queue.read { try String.fetchAll($0, sql: "SELECT uuid FROM runs") }
        #expect(uuids.count == 50 && Set(uuids).count == 50)
        #expect(uuids.allSatisfy(Self.isUUID), "\(uuids.prefix(3))")
        // A run inserted without one (an older ser's code path) gets one from the trigger.
        try queue.write { try $0.execute(sql: "INSERT INTO runs (seed, config, command_line, created_at) VALUES (1, '{}', 'x', 'now')") }
        let late = try queue.read { try String.fetchOne($0, sql: "SELECT uuid FROM runs WHERE id = 51") }
        #expect(Self.isUUID(late))
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE runs SET uuid = (SELECT uuid FROM runs WHERE id = 1) WHERE id = 2") }
        }
    }

    @Test func createRunWritesAUUIDAndRemotesKeepNoPassword() throws {
        let folder = try ScratchFolder.make()
        let store = try Store.create(at: folder.appendingPathComponent("ser.db").path)
        let id = try store.createRun(
            NewRun(
                datasetVersionID: nil, featureConfigID: nil, split: nil, seed: 1, config: "{}", commandLine: "ser run",
                provenance: Provenance(serVersion: "0.1.0")))
        let uuid = try store.read { try String.fetchOne($0, sql: "SELECT uuid FROM runs WHERE id = ?", arguments: [id]) }
        #expect(Self.isUUID(uuid))
        try store.addRemote(name: "origin", url: "postgres://a@h:5432/db")
        #expect(throws: StoreError.self) { try store.addRemote(name: "origin", url: "postgres://b@h:5432/db") }
        #expect(try store.remotes().map(\.url) == ["postgres://a@h:5432/db"])
        try store.removeRemote(name: "origin")
        #expect(try store.remotes().isEmpty)
        #expect(throws: StoreError.self) { try store.removeRemote(name: "origin") }
    }
}
