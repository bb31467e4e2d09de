import GRDB

/// Everything `ser show` prints about one run.
extension Store {
    /// Provenance of a run as `field → text` pairs in display order.
    public func provenance(_ id: Int64) throws -> [(String, String)] {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM provenance WHERE run_id = ?", arguments: [id]) else { return [] }
            return row.columnNames.filter { $0 != "run_id" }.compactMap { name in
                let value = row[name] as DatabaseValue
                return value.isNull ? nil : (name, String(describing: value.storage.value ?? ""))
            }
        }
    }

    /// Per-class metrics of a subset, in label order.
    public func classMetrics(_ id: Int64, subset: String) throws -> [EvaluationRecord.ClassMetric] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM class_metrics WHERE run_id = ? AND subset = ? ORDER BY label", arguments: [id, subset]).map {
                EvaluationRecord.ClassMetric(label: $0["label"], precision: $0["precision"], recall: $0["recall"], f1: $0["f1"], support: $0["support"])
            }
        }
    }

    /// The confusion matrix of a subset: labels in order and `counts[true][predicted]`.
    public func confusion(_ id: Int64, subset: String) throws -> (labels: [String], counts: [[Int]]) {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT true_label, predicted_label, count FROM confusion WHERE run_id = ? AND subset = ?", arguments: [id, subset])
            let labels = Array(Set(rows.map { $0["true_label"] as String } + rows.map { $0["predicted_label"] as String })).sorted()
            let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
            var counts = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
            for row in rows {
                if let i = index[row["true_label"] as String], let j = index[row["predicted_label"] as String] {
                    counts[i][j] = row["count"]
                }
            }
            return (labels, counts)
        }
    }

    /// A run's command line, note, timestamps and error text.
    public func runText(_ id: Int64) throws -> [String: String] {
        try read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT command_line, note, created_at, started_at, finished_at, error FROM runs WHERE id = ?", arguments: [id])
            else { return [:] }
            var out: [String: String] = [:]
            for name in row.columnNames { if let text = row[name] as String? { out[name] = text } }
            return out
        }
    }
}
