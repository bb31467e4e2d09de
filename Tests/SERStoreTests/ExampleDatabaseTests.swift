import Foundation
import GRDB
import Testing
@testable import SERStore
import SERTestSupport

/// `ser.db.example` (committed, made by `scripts/demo.sh` with UPDATE_EXAMPLE=1) must keep
/// opening and migrating with the current binary as the schema grows.
@Suite struct ExampleDatabaseTests {
    @Test func theCommittedExampleOpensMigratesAndIsClean() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = root.appendingPathComponent("ser.db.example")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: example.path)[.size] as? Int)
        #expect(size < 5_000_000, "ser.db.example must stay under 5 MB")
        let folder = try ScratchFolder.make()
        let copy = folder.appendingPathComponent("example.db")
        try FileManager.default.copyItem(at: example, to: copy)
        let store = try Store.open(at: copy.path)
        try store.read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_migrations") == EmbeddedMigrations.latestVersion)
        }
    }
}
