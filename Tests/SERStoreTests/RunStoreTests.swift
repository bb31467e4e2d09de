import Foundation
import GRDB
import Testing
@testable import SERStore
import SERCore
import SERTestSupport

@Suite struct RunStoreTests {
    func makeStore() throws -> Store {
        let store = try Store.create(at: try ScratchFolder.make().appendingPathComponent("ser.db").path)
        try store.write { db in
            try db.execute(sql: "INSERT INTO datasets (id, name, layout, root_path, created_at) VALUES (1, 'd', 'folders', '/x', 'now')")
            for id in 1...4 {
                try db.execute(
                    sql: """
                        INSERT INTO clips (id, dataset_id, path, relative_path, content_hash, file_size, format, sample_rate, channels,
                                           frames, duration, label, original_label, speaker, imported_at)
                        VALUES (?, 1, '/x/a', 'a\(id)', ?, 10, 'WAV/PCM_16', 16000, 1, 16000, 1.0, ?, 'x', ?, 'now')
                        """, arguments: [id, String(repeating: "\(id)", count: 64), id % 2 == 0 ? "happy" : "sad", "s\(id)"])
            }
        }
        return store
    }

    func newRun(_ name: String) -> NewRun {
        NewRun(
            name: name, datasetVersionID: nil, featureConfigID: nil, split: "speaker", seed: 42, config: #"{"lr":0.001}"#,
            commandLine: "ser run", tags: ["a", "b"], hyperparameters: ["lr": "0.001", "layers": "[128,64]", "optimizer": "\"adam\""],
            provenance: Provenance(serVersion: "0.1.0", cpuCores: 2))
    }

    @Test func aRunsLifeIsRecordedAndSummarised() throws {
        let store = try makeStore()
        let id = try store.createRun(newRun("first"))
        try store.markRunning(id, pid: 123)
        try store.recordSplit(id, train: [1, 2], validation: [3], test: [4])
        #expect(try store.splitClips(id, subset: "train") == [1, 2])
        let weights = [NamedTensor(name: "dense.kernel", shape: [2, 3], values: [1, 2, 3, 4, 5, 6])]
        let last = Checkpoint(kind: .last, epoch: 1, classes: ["happy", "sad"], state: #"{"rng":[1,2,3,4]}"#, tensors: weights)
        try store.recordEpoch(
            id,
            EpochRecord(
                epoch: 1, trainLoss: 1.5, trainAccuracy: 0.4, validationLoss: 1.2, validationAccuracy: 0.5, validationF1: 0.45,
                learningRate: 1e-3, wallSeconds: 2),
            last: last, best: Checkpoint(kind: .best, epoch: 1, classes: ["happy", "sad"], tensors: weights))
        let loaded = try #require(try store.checkpoint(id, kind: .last))
        #expect(loaded == last)
        try store.recordEvaluation(
            id,
            EvaluationRecord(
                subset: "test", metrics: ["accuracy": 0.75, "macro_f1": 0.7, "uar": 0.72],
                classes: [.init(label: "happy", precision: 1, recall: 0.5, f1: 0.667, support: 2)],
                labels: ["happy", "sad"], confusion: [[1, 1], [0, 2]],
                predictions: [.init(clipID: 4, predicted: "happy", probabilities: [0.9, 0.1])]))
        try store.endRun(id, status: .finished)
        try store.read { (db: Database) throws -> Void in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM run_summary WHERE id = ?", arguments: [id]))
            #expect(row["status"] as String == "finished")
            #expect(row["best_epoch"] as Int == 1)
            #expect(row["best_val_acc"] as Double == 0.5)
            #expect(row["test_acc"] as Double == 0.75)
            #expect(row["tags"] as String == "a,b" || row["tags"] as String == "b,a")
            #expect(try Int.fetchOne(db, sql: "SELECT sum(count) FROM confusion WHERE run_id = ?", arguments: [id]) == 4)
            #expect(
                try Double.fetchOne(db, sql: "SELECT value_num FROM hyperparameters WHERE run_id = ? AND name = 'lr'", arguments: [id])
                    == 0.001)
            #expect(
                try Double.fetchOne(
                    db, sql: "SELECT value_num FROM hyperparameters WHERE run_id = ? AND name = 'optimizer'", arguments: [id]) == nil)
            let blob = try #require(try Data.fetchOne(db, sql: "SELECT data FROM checkpoint_tensors LIMIT 1"))
            #expect(blob.count == 24)
        }
    }

    @Test func aRunningRunWithoutHeartbeatIsShownDead() throws {
        let store = try makeStore()
        let id = try store.createRun(newRun("ghost"))
        try store.markRunning(id, pid: 99999)
        #expect(
            try store.read { try String.fetchOne($0, sql: "SELECT status FROM run_summary WHERE id = ?", arguments: [id]) } == "running")
        try store.write { try $0.execute(sql: "UPDATE runs SET heartbeat_at = '2020-01-01T00:00:00.000Z' WHERE id = ?", arguments: [id]) }
        #expect(try store.read { try String.fetchOne($0, sql: "SELECT status FROM run_summary WHERE id = ?", arguments: [id]) } == "dead")
    }

    @Test func aBadWriteRollsBackTheWholeTransaction() throws {
        let store = try makeStore()
        let id = try store.createRun(newRun("x"))
        // Clip 999 does not exist: the foreign key fails and none of the split is kept.
        #expect(throws: (any Error).self) { try store.recordSplit(id, train: [1, 2], validation: [], test: [999]) }
        #expect(try store.splitClips(id, subset: "train").isEmpty)
        #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }
}

@Suite struct FeatureCacheTests {
    @Test func tensorsRoundTripAndTheBlobIsWhatNumpyReads() throws {
        let store = try RunStoreTests().makeStore()
        let id = try store.featureConfigID(
            hash: String(repeating: "a", count: 64), name: "mfcc2", params: #"{"n_mfcc":2}"#, featureNames: ["m0", "m1"])
        #expect(
            try store.featureConfigID(
                hash: String(repeating: "a", count: 64), name: "mfcc2", params: #"{"n_mfcc":2}"#, featureNames: ["m0", "m1"]) == id)
        let m = try #require(Matrix(rows: 3, columns: 2, values: [1, 2, 3, 4, 5, -6]))
        try store.saveFeatures(configID: id, [(clipID: 1, features: m, milliseconds: 1.5)])
        #expect(try store.cachedFeatureClips(configID: id, among: [1, 2]) == [1])
        #expect(try store.loadFeatures(configID: id, clipIDs: [1, 2]) == [1: m])
        let blob = try #require(try store.read { try Data.fetchOne($0, sql: "SELECT data FROM features") })
        #expect(Array(blob.prefix(4)) == [0x00, 0x00, 0x80, 0x3F])  // 1.0f, little-endian
        #expect(blob.count == 3 * 2 * 4)
    }
}
