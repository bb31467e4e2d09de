import Foundation
import GRDB

/// Exported model files, recorded predictions and what export and prediction read about a run.
extension Store {
    /// Records an exported file; returns its `exports.id`.
    public func recordExport(runID: Int64, format: String, path: String, sha256: String, size: Int64) throws -> Int64 {
        try write { db in
            try db.execute(
                sql: "INSERT INTO exports (run_id, format, path, sha256, size, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [runID, format, path, sha256, size, Timestamp.now()])
            return db.lastInsertedRowID
        }
    }

    /// Every export whose file hash is `sha256`, oldest first.
    public func exports(sha256: String) throws -> [ExportRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, run_id, format, path, sha256, size, created_at FROM exports WHERE sha256 = ? ORDER BY id",
                arguments: [sha256]
            ).map {
                ExportRecord(
                    id: $0["id"], runID: $0["run_id"], format: $0["format"], path: $0["path"], sha256: $0["sha256"],
                    size: $0["size"], createdAt: $0["created_at"])
            }
        }
    }

    /// Records one `ser predict --record` result (`probabilities`: JSON object `{label: p}`).
    public func recordPrediction(
        runID: Int64, path: String, contentHash: String, predicted: String, probabilities: String
    ) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO predictions (run_id, path, content_hash, predicted_label, probabilities, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [runID, path, contentHash, predicted, probabilities, Timestamp.now()])
        }
    }

    /// The dataset version hash and feature recipe (canonical JSON) a run was trained on.
    public func runInputs(_ runID: Int64) throws -> (datasetHash: String?, featureParams: String?) {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT v.hash AS dataset_hash, f.params AS params FROM runs r
                        LEFT JOIN dataset_versions v ON v.id = r.dataset_version_id
                        LEFT JOIN feature_configs f ON f.id = r.feature_config_id WHERE r.id = ?
                        """, arguments: [runID])
            else { return (nil, nil) }
            return (row["dataset_hash"], row["params"])
        }
    }

    /// The evaluation outputs of a run on `subset`: clip id, clip path, predicted label and
    /// probabilities in class order.
    public func runPredictions(_ runID: Int64, subset: String) throws -> [(
        clipID: Int64, path: String, predicted: String, probabilities: [Double]
    )] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.clip_id, c.path, p.predicted_label, p.probabilities FROM run_predictions p
                    JOIN clips c ON c.id = p.clip_id WHERE p.run_id = ? AND p.subset = ? ORDER BY p.clip_id
                    """, arguments: [runID, subset]
            ).map { row in
                let text: String = row["probabilities"]
                let values = (try? JSONDecoder().decode([Double].self, from: Data(text.utf8))) ?? []
                return (row["clip_id"], row["path"], row["predicted_label"], values)
            }
        }
    }
}
