import Foundation
import GRDB
import Testing
@testable import SERStore
import SERCore
import SERTestSupport

/// The trash of runs (#18): hidden everywhere until restored, deleted for good by gc.
@Suite struct TrashTests {
    @Test func trashedRunsAreHiddenRestoredAndCollected() throws {
        let store = try Store.create(at: try ScratchFolder.make().appendingPathComponent("ser.db").path)
        func run(_ name: String, kind: RunKind = .train, parent: Int64? = nil, accuracy: Double? = nil) throws -> Int64 {
            let id = try store.createRun(
                NewRun(
                    name: name, kind: kind, parentID: parent, datasetVersionID: nil, featureConfigID: nil, split: nil, seed: 1,
                    config: "{}", commandLine: "ser run", tags: ["t"], provenance: Provenance(serVersion: "0")))
            if let accuracy {
                try store.recordEvaluation(
                    id,
                    EvaluationRecord(
                        subset: "test", metrics: ["accuracy": accuracy], classes: [], labels: [], confusion: [], predictions: []))
                try store.endRun(id, status: .finished)
            }
            let weights = Checkpoint(
                kind: .last, epoch: 1, classes: ["a"],
                tensors: [NamedTensor(name: "w", shape: [256], values: .init(repeating: 1, count: 256))])
            try store.recordEpoch(
                id, EpochRecord(epoch: 1, trainLoss: 1, trainAccuracy: 0.5, learningRate: 0.1, wallSeconds: 1), last: weights, best: nil)
            return id
        }
        let parent = try run("k", kind: .kfold)
        let folds = [
            try run("k fold 1", kind: .fold, parent: parent, accuracy: 0.5),
            try run("k fold 2", kind: .fold, parent: parent, accuracy: 0.7),
        ]
        try store.refreshParent(parent)
        let other = try run("other")

        // One fold to the trash: its parent averages the other alone.
        #expect(try store.trashRuns([folds[1]]) == 1)
        #expect(try store.runMetrics(parent, subset: "test")["accuracy"]?.value == 0.5)
        #expect(try store.childRuns(of: parent).map(\.id) == [folds[0]])
        #expect { _ = try store.resolveRun(String(folds[1])) } throws: { "\($0)".contains("in the trash") }
        try store.restoreRun(folds[1])
        #expect(abs((try store.runMetrics(parent, subset: "test")["accuracy"]?.value ?? 0) - 0.6) < 1e-12)

        // The parent with its folds: hidden from summaries, references and comparisons.
        #expect(try store.trashRuns([parent]) == 3)
        #expect(try store.runSummaries(includeChildren: true, tag: nil, limit: nil).map(\.id) == [other])
        #expect(try store.resolveRun("last") == other)
        #expect(try store.compare(CompareQuery()).rows.map(\.id) == [other])
        #expect(try store.trashedRuns().map(\.id) == [parent])
        #expect(try store.trashedRuns().first?.children == 2)

        let freed = try store.emptyTrash(vacuum: true)
        #expect(freed.runs == 3 && freed.epochs == 3 && freed.checkpointBytes == 3 * 1024)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") } == 1)
        #expect(try store.emptyTrash(vacuum: false).runs == 0)
    }
}
