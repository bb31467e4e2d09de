import Foundation
import GRDB

/// What a parent run reports of its children, kept true whenever its children change: a
/// k-fold parent's test metrics are the mean ± sample standard deviation over its finished
/// folds; a sweep's (test and validation) are those of the trial chosen on validation
/// (`runs.selected_run_id`).
extension Store {
    /// The test metrics a k-fold parent averages over its folds.
    public static let aggregatedMetrics = ["accuracy", "macro_f1", "uar", "loss"]

    /// Mean and sample standard deviation (n − 1; 0 for one value) of each metric in
    /// ``aggregatedMetrics`` over `tests` (one `name → value` dictionary per fold).
    public static func aggregate(_ tests: [[String: Double]]) -> [String: (mean: Double, std: Double)] {
        var out: [String: (mean: Double, std: Double)] = [:]
        for name in aggregatedMetrics {
            let values = tests.compactMap { $0[name] }
            guard !values.isEmpty else { continue }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(values.count - 1, 1))
            out[name] = (mean, variance.squareRoot())
        }
        return out
    }

    /// Recomputes what parent `id` reports from its children as they are now (see the type's
    /// summary); does nothing for runs that are not k-fold or sweep parents.
    public func refreshParent(_ id: Int64) throws {
        try write { db in try Self.refreshParent(id, db) }
    }

    static func refreshParent(_ id: Int64, _ db: Database) throws {
        guard let kind = try String.fetchOne(db, sql: "SELECT kind FROM runs WHERE id = ?", arguments: [id]) else { return }
        switch kind {
        case "kfold":
            let folds = try Int64.fetchAll(
                db, sql: "SELECT id FROM runs WHERE parent_id = ? AND status = 'finished' AND deleted_at IS NULL ORDER BY id",
                arguments: [id])
            var tests: [[String: Double]] = []
            for fold in folds {
                var metrics: [String: Double] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT name, value FROM run_metrics WHERE run_id = ? AND subset = 'test'", arguments: [fold])
                {
                    metrics[row["name"]] = row["value"]
                }
                if !metrics.isEmpty { tests.append(metrics) }
            }
            try db.execute(sql: "DELETE FROM run_metrics WHERE run_id = ? AND subset = 'test'", arguments: [id])
            for (name, value) in aggregate(tests) {
                try db.execute(
                    sql: "INSERT INTO run_metrics (run_id, subset, name, value, std) VALUES (?, 'test', ?, ?, ?)",
                    arguments: [id, name, value.mean, value.std])
            }
        case "sweep":
            let chosen = try rankedChildren(id, db).first { $0.finished }?.id
            try db.execute(sql: "UPDATE runs SET selected_run_id = ? WHERE id = ?", arguments: [chosen, id])
            try db.execute(sql: "DELETE FROM run_metrics WHERE run_id = ? AND subset IN ('test', 'val')", arguments: [id])
            if let chosen {
                try db.execute(
                    sql: """
                        INSERT INTO run_metrics (run_id, subset, name, value, std)
                        SELECT ?, subset, name, value, std FROM run_metrics WHERE run_id = ? AND subset IN ('test', 'val')
                        """,
                    arguments: [id, chosen])
            }
        default:
            return
        }
    }

    /// A parent's children, best first by the validation accuracy of the weights they
    /// evaluated (their recorded `val` evaluation; their best epoch's when they have none),
    /// unscored last, the older first on ties: how a sweep ranks and chooses its trials.
    public func rankedChildren(_ parent: Int64) throws -> [(id: Int64, validation: Double?, finished: Bool)] {
        try read { db in try Self.rankedChildren(parent, db) }
    }

    static func rankedChildren(_ parent: Int64, _ db: Database) throws -> [(id: Int64, validation: Double?, finished: Bool)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.status,
                       coalesce((SELECT m.value FROM run_metrics m WHERE m.run_id = s.id AND m.subset = 'val' AND m.name = 'accuracy'),
                                s.best_val_acc) AS validation
                FROM run_summary s WHERE s.parent_id = ?
                ORDER BY validation IS NULL, validation DESC, s.id
                """, arguments: [parent]
        ).map { row in
            (id: row["id"], validation: row["validation"], finished: (row["status"] as String?) == "finished")
        }
    }

    /// Whether run `id` is recorded as `running` by a process of this machine that no longer
    /// exists (killed with -9, or the machine's power lost): it is dead even though its last
    /// heartbeat is younger than the 60 s after which `run_summary` says so.
    public func runProcessIsGone(_ id: Int64) throws -> Bool {
        let row = try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT r.status, r.pid, p.hostname FROM runs r LEFT JOIN provenance p ON p.run_id = r.id WHERE r.id = ?
                    """, arguments: [id])
        }
        guard let row, (row["status"] as String?) == "running", let pid: Int32 = row["pid"] else { return false }
        guard (row["hostname"] as String?) == ProcessInfo.processInfo.hostName else { return false }
        return pid != getpid() && kill(pid, 0) == -1 && errno == ESRCH
    }
}
