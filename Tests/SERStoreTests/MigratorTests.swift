import Foundation
import GRDB
import Testing
@testable import SERStore

@Suite struct MigratorTests {
    static let first = Migration(version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER PRIMARY KEY);")
    static let second = Migration(version: 2, name: "two", sql: "CREATE TABLE b (y INTEGER REFERENCES a(x));")

    @Test func appliesInOrderOnlyOnceAndRecordsEach() throws {
        let queue = try DatabaseQueue()
        let outcome = try Migrator(migrations: [Self.first, Self.second]).migrate(queue, path: ":memory:")
        #expect(outcome == .init(applied: [1, 2], version: 2))
        let again = try Migrator(migrations: [Self.first, Self.second]).migrate(queue, path: ":memory:")
        #expect(again == .init(applied: [], version: 2))
        let recorded = try queue.read {
            try Row.fetchAll($0, sql: "SELECT version, name, checksum FROM schema_migrations ORDER BY version")
        }
        #expect(recorded.map { $0["version"] as Int } == [1, 2])
        #expect(recorded.map { $0["name"] as String } == ["one", "two"])
        #expect(recorded[0]["checksum"] as String == Self.first.checksum)
        #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 2)
        #expect(try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == Migrator.applicationID)
    }

    @Test func upgradesAnOlderDatabaseWithOnlyTheNewMigration() throws {
        let queue = try DatabaseQueue()
        try Migrator(migrations: [Self.first]).migrate(queue, path: ":memory:")
        let outcome = try Migrator(migrations: [Self.first, Self.second]).migrate(queue, path: ":memory:")
        #expect(outcome.applied == [2])
    }

    @Test func aDatabaseFromANewerSerIsRefusedUntouched() throws {
        let queue = try DatabaseQueue()
        try Migrator(migrations: [Self.first, Self.second]).migrate(queue, path: "x.db")
        #expect {
            try Migrator(migrations: [Self.first]).migrate(queue, path: "x.db")
        } throws: { error in
            (error as? StoreError)?.code == .newerSchema && "\(error)".contains("newer ser")
        }
    }

    @Test func anEditedShippedMigrationIsRefused() throws {
        let queue = try DatabaseQueue()
        try Migrator(migrations: [Self.first]).migrate(queue, path: "x.db")
        let edited = Migration(version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER PRIMARY KEY, z TEXT);")
        #expect { try Migrator(migrations: [edited]).migrate(queue, path: "x.db") } throws: { error in
            (error as? StoreError)?.code == .editedMigration
        }
    }

    @Test func aFailingMigrationLeavesNothingOfItself() throws {
        let queue = try DatabaseQueue()
        let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE c (z INTEGER); CREATE TABLE a (x INTEGER);")
        #expect(throws: StoreError.self) { try Migrator(migrations: [Self.first, broken]).migrate(queue, path: "x.db") }
        let tables = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        #expect(tables == ["a", "schema_migrations"])
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT max(version) FROM schema_migrations") } == 1)
    }

    @Test func theShippedSchemaIsCleanAndComplete() throws {
        let queue = try DatabaseQueue()
        try Migrator().migrate(queue, path: ":memory:")
        try queue.read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let names = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"))
            for expected in [
                "datasets", "dataset_versions", "dataset_version_clips", "clips", "clip_audio", "labels",
                "feature_configs", "features", "runs", "run_tags", "hyperparameters", "provenance", "epochs",
                "run_metrics", "class_metrics", "confusion", "checkpoints", "checkpoint_tensors", "run_splits",
                "run_normalization", "exports", "predictions", "run_summary", "dataset_summary",
            ] {
                #expect(names.contains(expected), "missing \(expected)")
            }
        }
        #expect(EmbeddedMigrations.all.map(\.version) == Array(1...EmbeddedMigrations.latestVersion))
    }
}
