import Foundation
import GRDB

/// `ser evaluate` results (table `evaluations`, migration 0002).
extension Store {
    /// Records `evaluation` in one transaction; returns its `evaluations.id`.
    public func recordDatasetEvaluation(_ evaluation: DatasetEvaluation, commandLine: String) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        struct Confusion: Encodable { let labels: [String]; let counts: [[Int]] }
        let perClass = String(decoding: try encoder.encode(evaluation.perClass), as: UTF8.self)
        let confusion = String(
            decoding: try encoder.encode(Confusion(labels: evaluation.labels, counts: evaluation.confusion)), as: UTF8.self)
        let perSpeaker = String(decoding: try encoder.encode(evaluation.perSpeaker), as: UTF8.self)
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO evaluations (run_id, dataset_version_id, models, clips, skipped_clips, enroll_clips, enroll_seed,
                                             accuracy, macro_f1, uar, per_class, confusion, per_speaker, command_line, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    evaluation.runID, evaluation.datasetVersionID, evaluation.models, evaluation.clips, evaluation.skippedClips,
                    evaluation.enrollClips, evaluation.enrollSeed, evaluation.accuracy, evaluation.macroF1, evaluation.uar, perClass,
                    confusion, perSpeaker, commandLine,
                    Timestamp.now(),
                ])
            return db.lastInsertedRowID
        }
    }

    /// Every recorded evaluation of `runID`, oldest first, with its dataset as
    /// `name@hash12`.
    public func datasetEvaluations(runID: Int64) throws
        -> [(id: Int64, dataset: String, models: Int, clips: Int, accuracy: Double, macroF1: Double, uar: Double, createdAt: String)]
    {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, d.name || '@' || substr(v.hash, 1, 12) AS dataset, e.models, e.clips, e.accuracy, e.macro_f1,
                           e.uar, e.created_at
                    FROM evaluations e JOIN dataset_versions v ON v.id = e.dataset_version_id JOIN datasets d ON d.id = v.dataset_id
                    WHERE e.run_id = ? ORDER BY e.id
                    """, arguments: [runID]
            ).map {
                ($0["id"], $0["dataset"], $0["models"], $0["clips"], $0["accuracy"], $0["macro_f1"], $0["uar"], $0["created_at"])
            }
        }
    }
}

extension Store {
    /// The dataset version, feature recipe and their hashes a run was trained on.
    public func runInputIDs(_ runID: Int64) throws
        -> (datasetVersionID: Int64?, featureConfigID: Int64?, datasetHash: String?, featureConfigHash: String?)
    {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT r.dataset_version_id, r.feature_config_id, v.hash AS dataset_hash, f.hash AS feature_hash
                        FROM runs r LEFT JOIN dataset_versions v ON v.id = r.dataset_version_id
                        LEFT JOIN feature_configs f ON f.id = r.feature_config_id WHERE r.id = ?
                        """, arguments: [runID])
            else { return (nil, nil, nil, nil) }
            return (row["dataset_version_id"], row["feature_config_id"], row["dataset_hash"], row["feature_hash"])
        }
    }
}
