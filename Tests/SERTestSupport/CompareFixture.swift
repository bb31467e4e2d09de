import Foundation
import GRDB
public import SERStore

/// A database holding runs of both split protocols, a k-fold parent with three folds, a sweep
/// with two trials and a failed run, for the `ser compare` tests.
///
/// | id | name    | kind  | split   | lr     | optimizer | test acc | tags     |
/// |----|---------|-------|---------|--------|-----------|----------|----------|
/// | 1  | spk-a   | train | speaker | 0.001  | adam      | 0.70     | baseline |
/// | 2  | rnd-a   | train | random  | 0.0001 | adam      | 0.80     |          |
/// | 3  | spk-b   | train | speaker | 0.0005 | sgd       | 0.60     | baseline |
/// | 4  | kf      | kfold | kfold:3 | 0.001  | adam      | 0.65±0.05|          |
/// | 5-7| folds of 4 (0.60, 0.65, 0.70)                                       |
/// | 8  | sw      | sweep | speaker | –      | adam      | 0.55±0.10|          |
/// | 9-10 | trials of 8 (0.45, 0.65)                                          |
/// | 11 | broken  | train | speaker | 0.01   | adam      | –        |          |
public struct CompareFixture {
    public let store: Store
    public let path: String

    public init() throws {
        path = try ScratchFolder.make().appendingPathComponent("ser.db").path
        store = try Store.create(at: path)
        try store.write { db in
            try db.execute(
                sql:
                    "INSERT INTO datasets (id, name, layout, root_path, created_at) VALUES (1, 'ravdess', 'ravdess', '/x', 'now'), (2, 'emodb', 'emodb', '/y', 'now')"
            )
            try db.execute(
                sql:
                    "INSERT INTO dataset_versions (id, dataset_id, hash, clip_count, created_at) VALUES (1, 1, ?, 10, 'now'), (2, 2, ?, 10, 'now')",
                arguments: [String(repeating: "a", count: 64), String(repeating: "b", count: 64)])
        }
        try add(
            "spk-a", split: "speaker", lr: "0.001", optimizer: "adam", accuracy: 0.70, validation: [0.5, 0.62, 0.6], tags: ["baseline"])
        try add("rnd-a", split: "random", lr: "0.0001", optimizer: "adam", accuracy: 0.80, validation: [0.7, 0.75])
        try add(
            "spk-b", split: "speaker", lr: "0.0005", optimizer: "sgd", accuracy: 0.60, validation: [0.55], tags: ["baseline"], dataset: 2)
        let kfold = try add("kf", kind: .kfold, split: "kfold:3", lr: "0.001", optimizer: "adam", accuracy: nil, validation: [])
        for (i, acc) in [0.60, 0.65, 0.70].enumerated() {
            try add(
                "kf-\(i + 1)", kind: .fold, parent: kfold, split: "kfold:3", lr: "0.001", optimizer: "adam", accuracy: acc,
                validation: Array(repeating: acc - 0.1, count: i + 2))
        }
        try store.recordAggregate(kfold, subset: "test", metrics: ["accuracy": (0.65, 0.05), "macro_f1": (0.6, 0.04), "uar": (0.62, 0.03)])
        try store.endRun(kfold, status: .finished)
        let sweep = try add("sw", kind: .sweep, split: "speaker", lr: nil, optimizer: "adam", accuracy: nil, validation: [])
        for (i, acc) in [0.45, 0.65].enumerated() {
            try add(
                "sw-\(i + 1)", kind: .trial, parent: sweep, split: "speaker", lr: i == 0 ? "0.01" : "0.001", optimizer: "adam",
                accuracy: acc, validation: [acc])
        }
        try store.recordAggregate(sweep, subset: "test", metrics: ["accuracy": (0.55, 0.10), "macro_f1": (0.5, 0.1), "uar": (0.52, 0.1)])
        try store.endRun(sweep, status: .finished)
        try add("broken", split: "speaker", lr: "0.01", optimizer: "adam", accuracy: nil, validation: [0.3], status: .failed)
    }

    /// Adds one run with `validation.count` epochs (best = the highest validation accuracy)
    /// and, given `accuracy`, a test evaluation (F1 = accuracy − 0.05, UAR = accuracy − 0.02).
    @discardableResult
    public func add(
        _ name: String, kind: RunKind = .train, parent: Int64? = nil, split: String, lr: String?, optimizer: String,
        accuracy: Double?, validation: [Double], tags: [String] = [], dataset: Int64 = 1, status: RunStatus = .finished
    ) throws -> Int64 {
        var parameters = ["optimizer": "\"\(optimizer)\"", "layers": "[128,64]", "split": "\"\(split)\""]
        if let lr { parameters["lr"] = lr }
        let id = try store.createRun(
            NewRun(
                name: name, kind: kind, parentID: parent, datasetVersionID: dataset, featureConfigID: nil, split: split, seed: 42,
                config: "{}", commandLine: "ser run", tags: tags, hyperparameters: parameters,
                provenance: Provenance(serVersion: "0.1.0", cpuCores: 2)))
        try store.markRunning(id, pid: 1)
        let best = validation.indices.max { validation[$0] < validation[$1] }
        for (i, v) in validation.enumerated() {
            let epoch = EpochRecord(
                epoch: i + 1, trainLoss: 1.0 / Double(i + 1), trainAccuracy: v, validationLoss: 1 - v,
                validationAccuracy: v, validationF1: v - 0.05, validationUAR: v - 0.02, learningRate: 1e-3, wallSeconds: 1)
            let bestCheckpoint = i == best ? Checkpoint(kind: .best, epoch: i + 1, classes: ["happy", "sad"], tensors: []) : nil
            try store.recordEpoch(id, epoch, last: nil, best: bestCheckpoint)
        }
        if let accuracy {
            try store.recordEvaluation(
                id,
                EvaluationRecord(
                    subset: "test", metrics: ["accuracy": accuracy, "macro_f1": accuracy - 0.05, "uar": accuracy - 0.02],
                    classes: [
                        .init(label: "happy", precision: accuracy, recall: accuracy, f1: accuracy, support: 5),
                        .init(label: "sad", precision: 0.5, recall: 0.5, f1: 0.5, support: 5),
                    ],
                    labels: ["happy", "sad"], confusion: [[Int(accuracy * 10), 10 - Int(accuracy * 10)], [2, 8]], predictions: []))
        }
        try store.endRun(id, status: status)
        return id
    }
}
