import Foundation
import GRDB
import SERCore
import SERRemote
import SERStore
import SERTestSupport

/// Local databases with runs that record every exchanged table.
enum RemoteFixture {
    static let labels = ["happy", "sad"]

    /// A fresh `ser.db` with a dataset of 6 clips in one version and one feature recipe.
    static func makeStore(_ label: String = #function) throws -> Store {
        let folder = try ScratchFolder.make(label)
        let store = try Store.create(at: folder.appendingPathComponent("ser.db").path)
        try store.write { db in
            try db.execute(sql: "INSERT INTO datasets (name, layout, root_path, created_at) VALUES ('tones', 'folders', '/x', 'now')")
            try db.execute(
                sql: "INSERT INTO dataset_versions (dataset_id, hash, clip_count, created_at) VALUES (1, ?, 6, 'now')",
                arguments: [String(repeating: "v", count: 64)])
            for id in 1...6 {
                try db.execute(
                    sql: """
                        INSERT INTO clips (dataset_id, path, relative_path, content_hash, file_size, format, sample_rate, channels,
                                           frames, duration, label, original_label, speaker, imported_at)
                        VALUES (1, ?, ?, ?, 10, 'WAV/PCM_16', 16000, 1, 16000, 1.0, ?, 'x', ?, 'now')
                        """, arguments: ["/x/a\(id).wav", "a\(id).wav", String(repeating: "\(id)", count: 64), labels[id % 2], "s\(id)"])
                try db.execute(sql: "INSERT INTO dataset_version_clips (version_id, clip_id) VALUES (1, ?)", arguments: [id])
            }
            try db.execute(
                sql: """
                    INSERT INTO feature_configs (hash, name, params, dims, feature_names, created_at)
                    VALUES (?, 'mfcc2', '{"n_mfcc":2}', 2, '["mfcc0","mfcc1"]', 'now')
                    """, arguments: [String(repeating: "f", count: 64)])
        }
        return store
    }

    /// A finished run with splits, normalisation, `epochs` epochs, checkpoints, an evaluation,
    /// tags and hyperparameters; its id. `seed` varies every number it records.
    @discardableResult
    static func addFinishedRun(
        to store: Store, name: String, seed: Int64, epochs: Int = 3, parentID: Int64? = nil,
        kind: RunKind = .train
    ) throws -> Int64 {
        let versionID = try store.read { try Int64.fetchOne($0, sql: "SELECT id FROM dataset_versions ORDER BY id LIMIT 1") }
        let recipeID = try store.read { try Int64.fetchOne($0, sql: "SELECT id FROM feature_configs ORDER BY id LIMIT 1") }
        let id = try store.createRun(
            NewRun(
                name: name, kind: kind, parentID: parentID, datasetVersionID: versionID, featureConfigID: recipeID, split: "speaker",
                seed: seed, config: #"{"lr":0.001}"#, commandLine: "ser run", tags: ["remote", "s\(seed)"],
                hyperparameters: ["lr": "0.001", "layers": "[8]", "optimizer": "\"adam\""],
                provenance: Provenance(serVersion: "0.1.0", cpuCores: 2)))
        let clips = try store.read { try Int64.fetchAll($0, sql: "SELECT id FROM clips ORDER BY id") }
        try store.markRunning(id, pid: 1)
        try store.recordSplit(id, train: Array(clips[0..<4]), validation: [clips[4]], test: [clips[5]])
        try store.recordNormalization(id, method: "global-zscore", mean: [0.5, Float(seed)], std: [1, 2])
        let s = Double(seed)
        for epoch in 1...epochs {
            let weights = [NamedTensor(name: "dense.kernel", shape: [2, 2], values: [Float(epoch), Float(seed), 0.25, -1e-7])]
            try store.recordEpoch(
                id,
                EpochRecord(
                    epoch: epoch, trainLoss: 1.0 / Double(epoch) + s, trainAccuracy: 0.1 * Double(epoch),
                    validationLoss: 1.1 / Double(epoch), validationAccuracy: 0.3, validationF1: 0.2 + s / 1000,
                    learningRate: 1e-3, wallSeconds: 0.5),
                last: Checkpoint(kind: .last, epoch: epoch, classes: labels, state: #"{"rng":[1,2]}"#, tensors: weights),
                best: Checkpoint(kind: .best, epoch: epoch, classes: labels, tensors: weights))
        }
        try store.recordEvaluation(
            id,
            EvaluationRecord(
                subset: "test", metrics: ["accuracy": 0.5 + s / 100, "macro_f1": 1.0 / 3.0, "uar": 0.5],
                classes: [
                    .init(label: "happy", precision: 1, recall: 0.5, f1: 2.0 / 3.0, support: 2),
                    .init(label: "sad", precision: 0.5, recall: 1, f1: 2.0 / 3.0, support: 1),
                ],
                labels: labels, confusion: [[1, 1], [0, 1]],
                predictions: [.init(clipID: clips[5], predicted: "happy", probabilities: [0.75, 0.25])]))
        try store.endRun(id, status: .finished)
        return id
    }

    /// Every exchanged table's rows of one run as text (ids replaced by UUIDs and hashes):
    /// what must survive a round trip unchanged.
    static func snapshot(_ store: Store, uuid: String) throws -> [String: [[ExchangeValue]]] {
        var tables: [String: [[ExchangeValue]]] = [:]
        for table in try store.exportTables(.run, key: uuid) {
            tables[table.name] = table.rows
        }
        return tables
    }

    static func uuid(of runID: Int64, in store: Store) throws -> String {
        try store.read { try String.fetchOne($0, sql: "SELECT uuid FROM runs WHERE id = ?", arguments: [runID]) } ?? ""
    }
}
