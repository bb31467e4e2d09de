import Foundation
import GRDB

/// `ser compare`: many runs side by side, in a fixed number of set-based queries
/// (selection, details, hyperparameters, per-class metrics) whatever the number of runs.
extension Store {
    /// The hyperparameter names present in the database, sorted (an index skip-scan:
    /// one B-tree seek per distinct name, not a scan of every row).
    public func hyperparameterNames() throws -> [String] {
        try read { db in try Self.hyperparameterNames(db) }
    }

    static func hyperparameterNames(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                WITH RECURSIVE n(name) AS (
                    SELECT min(name) FROM hyperparameters
                    UNION ALL
                    SELECT (SELECT min(h.name) FROM hyperparameters h WHERE h.name > n.name) FROM n WHERE n.name IS NOT NULL)
                SELECT name FROM n WHERE name IS NOT NULL
                """)
    }

    /// The runs `query` selects, sorted and limited, with their metrics and hyperparameters.
    ///
    /// - Throws: ``FilterError`` for a bad `--where` (pointing at the token), ``StoreError``
    ///   `.invalidArgument` for an unknown `--sort` field or a run id that does not exist.
    public func compare(_ query: CompareQuery) throws -> RunComparison {
        try read { db in
            let selection = try Self.selectRuns(db, query, path: path)
            let ids = selection.ids
            let idList = "[" + ids.map(String.init).joined(separator: ",") + "]"
            var rows = try Self.details(db, idList: idList)
            var index: [Int64: Int] = [:]
            for (i, row) in rows.enumerated() { index[row.id] = i }
            var names = Set<String>()
            let parameters = try Row.fetchCursor(
                db,
                sql: """
                    SELECT run_id, name, value FROM hyperparameters WHERE run_id IN (SELECT value FROM json_each(?))
                    """, arguments: [idList])
            var (currentRun, current): (Int64, Int?) = (-1, nil)
            while let row = try parameters.next() {
                let runID: Int64 = row[0]
                if runID != currentRun {  // rows arrive grouped by run (primary-key order)
                    (currentRun, current) = (runID, index[runID])
                    if let current { rows[current].hyperparameters.reserveCapacity(32) }
                }
                guard let i = current else { continue }
                let name: String = row[1]
                rows[i].hyperparameters[name] = row[2]
                names.insert(name)
            }
            var labels = Set<String>()
            if query.perClass {
                let classes = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT run_id, label, f1 FROM class_metrics WHERE subset = 'test' AND run_id IN (SELECT value FROM json_each(?))
                        """, arguments: [idList])
                while let row = try classes.next() {
                    guard let i = index[row[0]] else { continue }
                    let label: String = row[1]
                    rows[i].classF1[label] = row[2]
                    labels.insert(label)
                }
            }
            let order = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            rows.sort { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
            return RunComparison(rows: rows, matched: selection.matched, hyperparameterNames: names.sorted(), classLabels: labels.sorted())
        }
    }

    /// Phase 1: the ids of the matching runs in order, computing only the sort key.
    static func selectRuns(_ db: Database, _ query: CompareQuery, path: String) throws -> (ids: [Int64], matched: Int) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if !query.runIDs.isEmpty {
            let list = "[" + query.runIDs.map(String.init).joined(separator: ",") + "]"
            let missing = try Int64.fetchAll(
                db, sql: "SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM runs WHERE deleted_at IS NULL)",
                arguments: [list])
            if let first = missing.first {
                throw StoreError(.invalidArgument, path: path, "no run \(first) in this database (see `ser runs --all`)")
            }
            conditions.append("r.id IN (SELECT value FROM json_each(?))")
            arguments.append(list)
        } else if !query.includeChildren {
            conditions.append("r.parent_id IS NULL")
        }
        if let dataset = query.dataset {
            conditions.append(
                "r.dataset_version_id IN (SELECT v.id FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id WHERE d.name = ?)")
            arguments.append(dataset)
        }
        if let tag = query.tag {
            conditions.append("EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag = ?)")
            arguments.append(tag)
        }
        var known: Set<String>?
        func names() throws -> Set<String> {
            if let known { return known }
            let loaded = Set(try hyperparameterNames(db))
            known = loaded
            return loaded
        }
        if let filter = query.filter {
            let fragment = try FilterCompiler.compile(filter, hyperparameters: try names()) { name in
                // Numbers only (sweep parents' lists aside), or text only; else unknown.
                guard
                    let row = try? Row.fetchOne(
                        db,
                        sql: """
                            SELECT count(value_num) AS numbers, count(value_text) AS texts FROM hyperparameters WHERE name = ?
                            """, arguments: [name]),
                    let numbers: Int = row["numbers"], let texts: Int = row["texts"]
                else { return nil }
                return numbers > 0 && texts == 0 ? true : texts > 0 && numbers == 0 ? false : nil
            }
            conditions.append(fragment.sql)
            arguments += fragment.arguments.map(Self.databaseValue)
        }
        let sortKey: SQLFragment
        // Run columns and metrics resolve without the hyperparameter names (no query).
        let field = try FilterField.resolve(query.sort, hyperparameters: []) ?? FilterField.resolve(query.sort, hyperparameters: names())
        switch field {
        case .column(_, let sql, _)?:
            sortKey = SQLFragment(sql)
        case .hyperparameter(let name)?:
            sortKey = SQLFragment(
                "(SELECT coalesce(h.value_num, h.value_text, h.value) FROM hyperparameters h WHERE h.run_id = r.id AND h.name = ?)",
                [.string(name)])
        case .tag?:
            sortKey = SQLFragment("(SELECT min(t.tag) FROM run_tags t WHERE t.run_id = r.id)")
        case nil:
            throw StoreError(
                .invalidArgument, path: path, "--sort: " + FilterField.unknownFieldReason(query.sort, hyperparameters: try names()))
        }
        let direction = query.descending ? "DESC" : "ASC"
        var sql = """
            SELECT r.id, \(sortKey.sql) AS sort_key, count(*) OVER () AS matched FROM runs r
            WHERE r.deleted_at IS NULL AND \(conditions.isEmpty ? "1" : conditions.joined(separator: " AND "))
            ORDER BY sort_key IS NULL, sort_key \(direction), r.id DESC
            """
        var all = sortKey.arguments.map(Self.databaseValue) + arguments
        if let limit = query.limit {
            sql += " LIMIT ? OFFSET ?"
            all += [limit, max(0, query.offset)]
        } else if query.offset > 0 {
            sql += " LIMIT -1 OFFSET ?"
            all.append(query.offset)
        }
        var ids: [Int64] = []
        var matched = 0
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(all))
        while let row = try cursor.next() {
            ids.append(row[0])
            matched = row[2]
        }
        return (ids, matched)
    }

    static func databaseValue(_ literal: FilterLiteral) -> any DatabaseValueConvertible {
        switch literal {
        case .number(let x): return x
        case .string(let s): return s
        }
    }

    /// Phase 2: everything but hyperparameters for the given ids, in one statement.
    static func details(_ db: Database, idList: String) throws -> [CompareRow] {
        func pivot(_ subset: String, _ name: String, _ alias: String) -> String {
            """
            max(CASE WHEN subset = '\(subset)' AND name = '\(name)' THEN value END) AS \(alias), \
            max(CASE WHEN subset = '\(subset)' AND name = '\(name)' THEN std END) AS \(alias)_std
            """
        }
        func moments(_ expression: String, _ alias: String) -> String {
            "avg(\(expression)) AS \(alias)_mean, avg((\(expression)) * (\(expression))) AS \(alias)_sq, count(\(expression)) AS \(alias)_n"
        }
        let sql = """
            WITH sel(id) AS (SELECT value FROM json_each(?)),
            m AS (
                SELECT run_id, \(pivot("test", "accuracy", "test_acc")), \(pivot("test", "macro_f1", "test_f1")),
                       \(pivot("test", "uar", "test_uar")), \(pivot("val", "accuracy", "val_acc")),
                       \(pivot("val", "macro_f1", "val_f1")), \(pivot("val", "uar", "val_uar"))
                FROM run_metrics WHERE run_id IN (SELECT id FROM sel) GROUP BY run_id),
            c AS (
                SELECT ch.parent_id AS parent,
                       max((SELECT count(*) FROM runs x WHERE x.parent_id = ch.parent_id AND x.deleted_at IS NULL)) AS children,
                       \(moments("ch.best_epoch", "c_best")),
                       \(moments("e.val_acc", "c_val_acc")), \(moments("e.val_f1", "c_val_f1")), \(moments("e.val_uar", "c_val_uar"))
                FROM runs ch JOIN runs p ON p.id = ch.parent_id LEFT JOIN epochs e ON e.run_id = ch.id AND e.epoch = ch.best_epoch
                -- a k-fold parent aggregates its folds; a sweep shows its chosen trial, as its test metrics do
                WHERE ch.parent_id IN (SELECT id FROM sel) AND ch.deleted_at IS NULL AND (p.kind != 'sweep' OR ch.id = p.selected_run_id)
                GROUP BY ch.parent_id)
            SELECT r.id, r.name, r.kind, r.parent_id, \(FilterField.statusSQL) AS status, d.name AS dataset,
                   substr(v.hash, 1, 12) AS dataset_version, f.name AS features, r.split, r.seed, r.best_epoch,
                   (SELECT max(x.epoch) FROM epochs x WHERE x.run_id = r.id) AS epochs_done,
                   e.val_acc AS e_val_acc, e.val_f1 AS e_val_f1, e.val_uar AS e_val_uar,
                   (julianday(coalesce(r.finished_at, r.heartbeat_at)) - julianday(r.started_at)) * 86400.0 AS duration,
                   (SELECT group_concat(t.tag, char(31)) FROM run_tags t WHERE t.run_id = r.id) AS tags,
                   m.test_acc, m.test_acc_std, m.test_f1, m.test_f1_std, m.test_uar, m.test_uar_std,
                   m.val_acc, m.val_acc_std, m.val_f1, m.val_f1_std, m.val_uar, m.val_uar_std, c.children,
                   c.c_best_mean, c.c_best_sq, c.c_best_n, c.c_val_acc_mean, c.c_val_acc_sq, c.c_val_acc_n,
                   c.c_val_f1_mean, c.c_val_f1_sq, c.c_val_f1_n, c.c_val_uar_mean, c.c_val_uar_sq, c.c_val_uar_n
            FROM sel JOIN runs r ON r.id = sel.id
            LEFT JOIN dataset_versions v ON v.id = r.dataset_version_id
            LEFT JOIN datasets d ON d.id = v.dataset_id
            LEFT JOIN feature_configs f ON f.id = r.feature_config_id
            LEFT JOIN epochs e ON e.run_id = r.id AND e.epoch = r.best_epoch
            LEFT JOIN m ON m.run_id = r.id
            LEFT JOIN c ON c.parent = r.id
            """
        return try Row.fetchAll(db, sql: sql, arguments: [idList]).map(Self.compareRow)
    }

    /// Column positions in the statement of ``details(_:idList:)`` (reading by index: GRDB's
    /// lookup by name compares lowercased strings, too slow for 10,000 rows × 40 columns).
    private enum Column {
        static let id = 0, name = 1, kind = 2, parentID = 3, status = 4, dataset = 5, datasetVersion = 6, features = 7
        static let split = 8, seed = 9, bestEpoch = 10, epochsDone = 11, epochValAcc = 12, epochValF1 = 13, epochValUAR = 14
        static let duration = 15, tags = 16, testAcc = 17, testF1 = 19, testUAR = 21, valAcc = 23, valF1 = 25, valUAR = 27
        static let children = 29, childBest = 30, childValAcc = 33, childValF1 = 36, childValUAR = 39
    }

    /// Mean ± population std from the moments `avg(x)`, `avg(x²)`, `count(x)` at `i`, `i+1`, `i+2`.
    private static func aggregate(_ row: Row, _ i: Int) -> MetricValue? {
        guard let n: Int = row[i + 2], n > 0, let mean: Double = row[i], let square: Double = row[i + 1] else { return nil }
        return MetricValue(mean, std: n > 1 ? (max(0, square - mean * mean)).squareRoot() : nil)
    }

    /// The value at `i` with its standard deviation at `i + 1`.
    private static func metric(_ row: Row, _ i: Int) -> MetricValue? {
        guard let value: Double = row[i] else { return nil }
        return MetricValue(value, std: row[i + 1])
    }

    private static func compareRow(_ row: Row) -> CompareRow {
        var out = CompareRow(id: row[Column.id], kind: row[Column.kind], status: row[Column.status], seed: row[Column.seed])
        out.name = row[Column.name]
        out.parentID = row[Column.parentID]
        out.dataset = row[Column.dataset]
        out.datasetVersion = row[Column.datasetVersion]
        out.features = row[Column.features]
        out.split = row[Column.split]
        out.epochsDone = row[Column.epochsDone]
        out.durationSeconds = row[Column.duration]
        if let tags: String = row[Column.tags] { out.tags = tags.split(separator: "\u{1F}").map(String.init).sorted() }
        out.children = row[Column.children] ?? 0
        out.testAccuracy = metric(row, Column.testAcc)
        out.testF1 = metric(row, Column.testF1)
        out.testUAR = metric(row, Column.testUAR)
        if let best: Int = row[Column.bestEpoch] {
            out.bestEpoch = MetricValue(Double(best))
        } else {
            out.bestEpoch = aggregate(row, Column.childBest)
        }
        func validation(_ epochColumn: Int, _ metricColumn: Int, _ childColumn: Int) -> MetricValue? {
            if let value: Double = row[epochColumn] { return MetricValue(value) }
            return metric(row, metricColumn) ?? aggregate(row, childColumn)
        }
        out.validationAccuracy = validation(Column.epochValAcc, Column.valAcc, Column.childValAcc)
        out.validationF1 = validation(Column.epochValF1, Column.valF1, Column.childValF1)
        out.validationUAR = validation(Column.epochValUAR, Column.valUAR, Column.childValUAR)
        return out
    }
}
