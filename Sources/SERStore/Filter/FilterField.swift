/// What a field name in `--where` (or `--sort`) refers to, and the SQL expression that reads it
/// for the run aliased `r` (a row of `runs`).
///
/// Run columns and metrics take precedence over hyperparameters of the same name; write
/// `param.NAME` to mean the hyperparameter (`param.seed`).
public enum FilterField: Sendable, Equatable {
    /// The type a field compares as.
    public enum ValueType: String, Sendable, Equatable {
        case number, text
    }

    /// A run column or metric: `sql` is an expression over `r`; NULL where unknown.
    case column(name: String, sql: String, type: ValueType)
    /// `tag`: true when any of the run's tags matches.
    case tag
    /// A hyperparameter from `hyperparameters`: numbers compare on `value_num`, strings on
    /// the JSON value unquoted.
    case hyperparameter(String)

    /// The SQL text of a run's status with dead processes detected (as in `run_summary`).
    public static let statusSQL = """
        CASE WHEN r.status = 'running' AND (r.heartbeat_at IS NULL OR julianday('now') - julianday(r.heartbeat_at) > 60.0 / 86400.0) \
        THEN 'dead' ELSE r.status END
        """

    private static func metric(_ subset: String, _ name: String) -> String {
        "(SELECT m.value FROM run_metrics m WHERE m.run_id = r.id AND m.subset = '\(subset)' AND m.name = '\(name)')"
    }

    private static func validation(_ column: String, _ name: String) -> String {
        "coalesce((SELECT e.\(column) FROM epochs e WHERE e.run_id = r.id AND e.epoch = r.best_epoch), \(metric("val", name)))"
    }

    /// The run columns and metrics, in documentation order: name, SQL, type, meaning.
    public static let columns: [(name: String, sql: String, type: ValueType, help: String)] = [
        ("id", "r.id", .number, "run id"),
        ("name", "r.name", .text, "run name"),
        ("kind", "r.kind", .text, "train, kfold, fold, sweep or trial"),
        ("status", statusSQL, .text, "queued, running, finished, failed, interrupted or dead"),
        (
            "dataset", "(SELECT d.name FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id WHERE v.id = r.dataset_version_id)",
            .text, "dataset name"
        ),
        ("split", "r.split", .text, "split protocol: speaker, random or kfold:K"),
        ("seed", "r.seed", .number, "random seed"),
        ("best_epoch", "r.best_epoch", .number, "epoch with the best validation score"),
        ("test.acc", metric("test", "accuracy"), .number, "test accuracy (k-fold/sweep parents: mean)"),
        ("test.f1", metric("test", "macro_f1"), .number, "test macro-F1"),
        ("test.uar", metric("test", "uar"), .number, "test unweighted average recall"),
        ("test.loss", metric("test", "loss"), .number, "test loss"),
        ("val.acc", validation("val_acc", "accuracy"), .number, "validation accuracy at the best epoch"),
        ("val.f1", validation("val_f1", "macro_f1"), .number, "validation macro-F1 at the best epoch"),
        ("val.uar", validation("val_uar", "uar"), .number, "validation UAR at the best epoch"),
        ("val.loss", validation("val_loss", "loss"), .number, "validation loss at the best epoch"),
        (
            "duration", "((julianday(coalesce(r.finished_at, r.heartbeat_at)) - julianday(r.started_at)) * 86400.0)", .number,
            "wall time in seconds"
        ),
        ("created", "r.created_at", .text, "creation time, ISO-8601 UTC"),
    ]

    /// The names `--where` knows besides hyperparameters.
    public static var columnNames: [String] { columns.map(\.name) + ["tag"] }

    /// Resolves `name` (case-sensitive for hyperparameters, as stored).
    /// - Parameter hyperparameters: the hyperparameter names present in the database.
    /// - Returns: `nil` for an unknown name.
    public static func resolve(_ name: String, hyperparameters: Set<String>) -> FilterField? {
        let lower = name.lowercased()
        if lower == "tag" || lower == "tags" { return .tag }
        if let column = columns.first(where: { $0.name == lower }) {
            return .column(name: column.name, sql: column.sql, type: column.type)
        }
        for prefix in ["param.", "hp."] where lower.hasPrefix(prefix) {
            let rest = String(name.dropFirst(prefix.count))
            return hyperparameters.contains(rest) ? .hyperparameter(rest) : nil
        }
        if hyperparameters.contains(name) { return .hyperparameter(name) }
        return nil
    }

    /// A sentence listing the known names, with the closest to `name` first when one is near.
    public static func unknownFieldReason(_ name: String, hyperparameters: Set<String>) -> String {
        let all = columnNames + hyperparameters.sorted()
        let near = all.map { ($0, editDistance($0.lowercased(), name.lowercased())) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
        let hint = near.map { " (did you mean '\($0.0)'?)" } ?? ""
        let params = hyperparameters.isEmpty ? "none recorded" : hyperparameters.sorted().joined(separator: ", ")
        return "unknown field '\(name)'\(hint); fields: \(columnNames.joined(separator: ", ")); hyperparameters: \(params)"
    }

    /// Levenshtein distance between two strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var row = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...y.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[y.count]
    }
}
