import Foundation
import Testing
@testable import SERStore
import SERTestSupport

/// Naming runs as git names commits (#18): ids, names and unique prefixes, last/HEAD,
/// last~N, @tag; an ambiguous prefix lists its candidates.
@Suite struct RunReferenceTests {
    @Test(arguments: [
        ("7", RunReference.id(7)), ("last", .last(back: 0)), ("HEAD", .last(back: 0)), ("last~2", .last(back: 2)),
        ("HEAD~", .last(back: 1)), ("@paper", .tag("paper")), ("seed-30ep", .name("seed-30ep")), ("lastly", .name("lastly")),
        ("@", .name("@")), ("-3", .name("-3")),
    ])
    func textsParse(_ text: String, _ expected: RunReference) {
        #expect(RunReference(text) == expected)
    }

    func store() throws -> (Store, [Int64]) {
        let store = try Store.create(at: try ScratchFolder.make().appendingPathComponent("ser.db").path)
        var ids: [Int64] = []
        for (name, parent, tags) in [
            ("seed-30ep", nil, ["paper"]), ("seed-60ep", nil, []), ("fold", 2 as Int64?, ["paper"]), ("best", nil, []),
        ] {
            ids.append(
                try store.createRun(
                    NewRun(
                        name: name, kind: parent == nil ? .train : .fold, parentID: parent, datasetVersionID: nil, featureConfigID: nil,
                        split: nil, seed: 1, config: "{}", commandLine: "ser run", tags: tags, provenance: Provenance(serVersion: "0"))))
        }
        return (store, ids)
    }

    @Test func referencesResolve() throws {
        let (store, ids) = try store()
        #expect(try store.resolveRun("2") == ids[1])
        #expect(try store.resolveRun("last") == ids[3])  // folds and trials are not `last`
        #expect(try store.resolveRun("HEAD~1") == ids[1])
        #expect(try store.resolveRun("last~2") == ids[0])
        #expect(try store.resolveRun("@paper") == ids[2])  // the newest run with the tag
        #expect(try store.resolveRun("seed-30ep") == ids[0])
        #expect(try store.resolveRun("be") == ids[3])
        #expect(try store.runCompletions().contains("seed-60ep"))
    }

    @Test(arguments: [
        ("seed", "ambiguous: it starts the names of runs 1 (seed-30ep), 2 (seed-60ep)"),
        ("nothing", "no run is named 'nothing'"),
        ("last~3", "nothing is 3 before the last"),
        ("@draft", "no run is tagged 'draft'"),
        ("99", "no run 99"),
    ])
    func badReferencesSayWhy(_ text: String, _ message: String) throws {
        let (store, _) = try store()
        #expect {
            _ = try store.resolveRun(text)
        } throws: { error in
            (error as? StoreError)?.code == .invalidArgument && "\(error)".contains(message)
        }
    }

    @Test func lastInADatabaseWithoutRunsSaysSo() throws {
        let store = try Store.create(at: try ScratchFolder.make().appendingPathComponent("ser.db").path)
        #expect { _ = try store.resolveRun("last") } throws: { "\($0)".contains("'last': there are no runs yet") }
    }
}
