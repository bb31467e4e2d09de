import GRDB

/// Everything `ser show` prints about one run.
extension Store {
    /// Per-class metrics of a subset, in label order.
    public func classMetrics(_ id: Int64, subset: String) throws -> [EvaluationRecord.ClassMetric] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM class_metrics WHERE run_id = ? AND subset = ? ORDER BY label", arguments: [id, subset]
            ).map {
                EvaluationRecord.ClassMetric(
                    label: $0["label"], precision: $0["precision"], recall: $0["recall"], f1: $0["f1"], support: $0["support"])
            }
        }
    }

    /// A run's command line, note, timestamps and error text.
    public func runText(_ id: Int64) throws -> [String: String] {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT command_line, note, created_at, started_at, finished_at, error FROM runs WHERE id = ?", arguments: [id]
                )
            else { return [:] }
            var out: [String: String] = [:]
            for name in row.columnNames { if let text = row[name] as String? { out[name] = text } }
            return out
        }
    }
}
