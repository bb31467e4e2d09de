import Foundation
import GRDB
import SERCore
import Testing
@testable import SERStore
import SERTestSupport

/// `hyperparameters.value_text` (migration 0006): strings unquoted beside their JSON `value`,
/// for rows written before the migration and after it, and the --where language on top.
@Suite struct HyperparameterTextTests {
    @Test func theMigrationGivesOldRowsTheirText() throws {
        // The committed example was written at schema 4, before value_text existed.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let copy = try ScratchFolder.make().appendingPathComponent("example.db")
        try FileManager.default.copyItem(at: root.appendingPathComponent("ser.db.example"), to: copy)
        let store = try Store.open(at: copy.path)
        try store.read { (db: Database) throws -> Void in
            let rows = try Row.fetchAll(db, sql: "SELECT name, value, value_num, value_text FROM hyperparameters WHERE run_id = 1")
            let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as String, $0) })
            #expect(byName["activation"]?["value"] as String? == "\"relu\"" && byName["activation"]?["value_text"] as String? == "relu")
            #expect(byName["optimizer"]?["value_text"] as String? == "adam")
            #expect(byName["lr"]?["value_text"] as String? == nil && byName["lr"]?["value_num"] as Double? == 0.001)
            #expect(byName["layers"]?["value_text"] as String? == nil && byName["bidirectional"]?["value_text"] as String? == nil)
            // Exactly the JSON strings have a text, and it is their decoded value.
            let strings = try Int.fetchOne(db, sql: "SELECT count(*) FROM hyperparameters WHERE json_type(value) = 'text'") ?? 0
            let texts = try Int.fetchOne(db, sql: "SELECT count(*) FROM hyperparameters WHERE value_text = json_extract(value, '$')") ?? 0
            #expect(strings > 5 && texts == strings)
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM hyperparameters WHERE value_text IS NOT NULL AND value_num IS NOT NULL")
                    == 0)
        }
    }

    @Test func newRunsGetTheirTextAndTheFilterComparesIt() throws {
        let store = try Store.create(at: try ScratchFolder.make().appendingPathComponent("ser.db").path)
        let quoted = #"say "hi" \ é"#
        func run(_ name: String, _ optimizer: String) throws -> Int64 {
            try store.createRun(
                NewRun(
                    name: name, datasetVersionID: nil, featureConfigID: nil, split: "speaker", seed: 1, config: "{}", commandLine: "test",
                    hyperparameters: ["optimizer": optimizer, "lr": "0.001", "layers": "[128,64]", "note": JSONString.quoted(quoted)],
                    provenance: Provenance(serVersion: "test")))
        }
        let adam = try run("a", "\"adam\""), sgd = try run("b", "\"sgd\"")
        let text = try store.read { db in
            try String.fetchOne(db, sql: "SELECT value_text FROM hyperparameters WHERE run_id = ? AND name = 'note'", arguments: [adam])
        }
        #expect(text == quoted)
        func matches(_ filter: String) throws -> [Int64] {
            try store.compare(CompareQuery(filter: filter, sort: "id", descending: false)).rows.map(\.id)
        }
        #expect(try matches("optimizer = 'adam'") == [adam])
        #expect(try matches("optimizer in ('sgd', 'rmsprop')") == [sgd])
        #expect(try matches("optimizer like 'ad%'") == [adam])
        #expect(try matches("layers = '[128,64]'") == [adam, sgd])  // arrays still compare as JSON text
        #expect(try matches("note = '\(quoted.replacingOccurrences(of: "'", with: "''"))'") == [adam, sgd])
        #expect(try matches("lr < 0.01 and optimizer != 'adam'") == [sgd])
    }
}
