import Foundation
import GRDB
import SERCore

/// Writing a run's life: creation, lifecycle, splits, epochs and final evaluation. Each
/// function is one transaction.
extension Store {
    /// Inserts a run (status `queued`) with its tags, hyperparameters and provenance.
    /// - Returns: the new `runs.id`.
    /// - Throws: `StoreError` when `run.uuid` names a run already here (`runs.uuid` is unique).
    public func createRun(_ run: NewRun) throws -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (uuid, name, kind, parent_id, status, dataset_version_id, feature_config_id, split, seed,
                                      config, command_line, created_at, note, reproduces_run_id)
                    VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.uuid ?? UUID().uuidString.lowercased(), run.name, run.kind, run.parentID, run.datasetVersionID, run.featureConfigID,
                    run.split, run.seed,
                    run.config, run.commandLine, Timestamp.now(), run.note, run.reproducesRunID,
                ])
            let id = db.lastInsertedRowID
            for tag in Set(run.tags) {
                try db.execute(sql: "INSERT INTO run_tags (run_id, tag) VALUES (?, ?)", arguments: [id, tag])
            }
            for (name, value) in run.hyperparameters.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql:
                        "INSERT INTO hyperparameters (run_id, name, value, value_num) VALUES (?, ?, ?, CASE WHEN json_type(?) IN ('integer', 'real') THEN CAST(? AS REAL) END)",
                    arguments: [id, name, value, value, value])
            }
            let p = run.provenance
            try db.execute(
                sql: """
                    INSERT INTO provenance (run_id, ser_version, build_commit, dataset_hash, feature_config_hash, hostname, os,
                                            cpu_model, cpu_cores, blas_threads, extra)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, p.serVersion, p.buildCommit, p.datasetHash, p.featureConfigHash, p.hostname, p.os,
                    p.cpuModel, p.cpuCores, p.blasThreads, p.extra,
                ])
            return id
        }
    }

    /// Marks a run `running` in this process (`pid`) and starts its heartbeat clock.
    public func markRunning(_ runID: Int64, pid: Int32, resumedFromEpoch: Int? = nil) throws {
        try write { db in
            let now = Timestamp.now()
            try db.execute(
                sql: """
                    UPDATE runs SET status = 'running', pid = ?, heartbeat_at = ?, started_at = coalesce(started_at, ?),
                                    finished_at = NULL, error = NULL, resumed_from_epoch = coalesce(?, resumed_from_epoch)
                    WHERE id = ?
                    """,
                arguments: [pid, now, now, resumedFromEpoch, runID])
        }
    }

    /// Records that the run's process is alive.
    public func heartbeat(_ runID: Int64) throws {
        try write { db in
            try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ?", arguments: [Timestamp.now(), runID])
        }
    }

    /// Ends a run: `finished`, `failed` (with the error) or `interrupted` (resumable).
    public func endRun(_ runID: Int64, status: RunStatus, error: String? = nil) throws {
        try write { db in
            let now = Timestamp.now()
            try db.execute(
                sql: "UPDATE runs SET status = ?, error = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?",
                arguments: [status, error, now, now, runID])
        }
    }

    /// Stores the exact clip ids of each subset.
    public func recordSplit(_ runID: Int64, train: [Int64], validation: [Int64], test: [Int64]) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM run_splits WHERE run_id = ?", arguments: [runID])
            let statement = try db.makeStatement(sql: "INSERT INTO run_splits (run_id, clip_id, subset) VALUES (?, ?, ?)")
            for (subset, ids) in [("train", train), ("val", validation), ("test", test)] {
                for id in ids { try statement.execute(arguments: [runID, id, subset]) }
            }
        }
    }

    /// The clip ids of a run's subset (`train`, `val`, `test`), in id order.
    public func splitClips(_ runID: Int64, subset: String) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(
                db, sql: "SELECT clip_id FROM run_splits WHERE run_id = ? AND subset = ? ORDER BY clip_id", arguments: [runID, subset])
        }
    }

    /// Stores the normalisation statistics (float32 `[dims]` each).
    public func recordNormalization(_ runID: Int64, method: String, mean: [Float], std: [Float]) throws {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO run_normalization (run_id, method, dims, mean, std) VALUES (?, ?, ?, ?, ?)",
                arguments: [runID, method, mean.count, Data(FloatBlob.encode(mean)), Data(FloatBlob.encode(std))])
        }
    }

    /// The normalisation statistics of a run, if recorded.
    public func normalization(_ runID: Int64) throws -> (method: String, mean: [Float], std: [Float])? {
        try read { db in
            guard
                let row = try Row.fetchOne(db, sql: "SELECT method, mean, std FROM run_normalization WHERE run_id = ?", arguments: [runID])
            else {
                return nil
            }
            let mean: Data = row["mean"], std: Data = row["std"]
            return (row["method"], FloatBlob.decode(mean) ?? [], FloatBlob.decode(std) ?? [])
        }
    }

    /// Commits one finished epoch atomically: its metrics row, the `last` checkpoint, when
    /// `best` is given the `best` checkpoint (the weights evaluated at the end) and
    /// `runs.selected_epoch`, and when `improved` `runs.best_epoch`. A crash therefore loses at
    /// most the epoch in progress.
    ///
    /// - Parameters:
    ///   - best: the checkpoint to evaluate at the end: the monitored best (`--select best`) or
    ///     every epoch's weights (`--select last`).
    ///   - improved: whether this epoch has the best monitored value so far; `nil` means
    ///     "exactly when `best` is given" (the `--select best` case).
    public func recordEpoch(_ runID: Int64, _ record: EpochRecord, last: Checkpoint?, best: Checkpoint?, improved: Bool? = nil) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO epochs (run_id, epoch, train_loss, train_acc, train_f1, val_loss, val_acc, val_f1, val_uar,
                                                   lr, wall_seconds, finished_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    runID, record.epoch, record.trainLoss, record.trainAccuracy, record.trainF1, record.validationLoss,
                    record.validationAccuracy, record.validationF1, record.validationUAR, record.learningRate,
                    record.wallSeconds, Timestamp.now(),
                ])
            if let last { try Self.saveCheckpoint(db, runID: runID, last) }
            if let best {
                try Self.saveCheckpoint(db, runID: runID, best)
                try db.execute(sql: "UPDATE runs SET selected_epoch = ? WHERE id = ?", arguments: [best.epoch, runID])
            }
            if improved ?? (best != nil) {
                try db.execute(sql: "UPDATE runs SET best_epoch = ? WHERE id = ?", arguments: [record.epoch, runID])
            }
            try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ?", arguments: [Timestamp.now(), runID])
        }
    }

    /// The recorded epochs of a run, in order.
    public func epochs(_ runID: Int64) throws -> [EpochRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM epochs WHERE run_id = ? ORDER BY epoch", arguments: [runID]).map { row in
                EpochRecord(
                    epoch: row["epoch"], trainLoss: row["train_loss"] ?? .nan, trainAccuracy: row["train_acc"] ?? .nan,
                    trainF1: row["train_f1"], validationLoss: row["val_loss"], validationAccuracy: row["val_acc"],
                    validationF1: row["val_f1"], validationUAR: row["val_uar"], learningRate: row["lr"] ?? .nan,
                    wallSeconds: row["wall_seconds"] ?? 0)
            }
        }
    }

    /// Stores a subset's final metrics, per-class metrics, confusion matrix and predictions
    /// (replacing any earlier evaluation of that subset).
    public func recordEvaluation(_ runID: Int64, _ evaluation: EvaluationRecord) throws {
        try write { db in
            let subset = evaluation.subset
            for table in ["run_metrics", "class_metrics", "confusion", "run_predictions"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE run_id = ? AND subset = ?", arguments: [runID, subset])
            }
            for (name, value) in evaluation.metrics {
                try db.execute(
                    sql: "INSERT INTO run_metrics (run_id, subset, name, value) VALUES (?, ?, ?, ?)",
                    arguments: [runID, subset, name, value])
            }
            for c in evaluation.classes {
                try db.execute(
                    sql: "INSERT INTO class_metrics (run_id, subset, label, precision, recall, f1, support) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [runID, subset, c.label, c.precision, c.recall, c.f1, c.support])
            }
            let cell = try db.makeStatement(
                sql: "INSERT INTO confusion (run_id, subset, true_label, predicted_label, count) VALUES (?, ?, ?, ?, ?)")
            for (i, truth) in evaluation.labels.enumerated() {
                for (j, predicted) in evaluation.labels.enumerated() {
                    let count = i < evaluation.confusion.count && j < evaluation.confusion[i].count ? evaluation.confusion[i][j] : 0
                    try cell.execute(arguments: [runID, subset, truth, predicted, count])
                }
            }
            let prediction = try db.makeStatement(
                sql:
                    "INSERT OR REPLACE INTO run_predictions (run_id, clip_id, subset, predicted_label, probabilities) VALUES (?, ?, ?, ?, ?)"
            )
            for p in evaluation.predictions {
                let json = "[" + p.probabilities.map { String(format: "%.6g", Double($0)) }.joined(separator: ",") + "]"
                try prediction.execute(arguments: [runID, p.clipID, subset, p.predicted, json])
            }
        }
    }

    /// Stores aggregate metrics with standard deviations (parents of k-fold runs and seeds).
    public func recordAggregate(_ runID: Int64, subset: String, metrics: [String: (mean: Double, std: Double)]) throws {
        try write { db in
            for (name, value) in metrics {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO run_metrics (run_id, subset, name, value, std) VALUES (?, ?, ?, ?, ?)",
                    arguments: [runID, subset, name, value.mean, value.std])
            }
        }
    }
}
