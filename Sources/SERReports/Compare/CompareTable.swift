public import SERStore

/// The comparison as a grid of cells: one row per run, one column per shown field.
///
/// Built from a ``RunComparison``; `--all-params`, `--per-class`, `--columns` and
/// `--only-changed` decide which columns stay.
public struct CompareTable {
    public var columns: [CompareColumn]
    /// `cells[row][column]`.
    public var cells: [[CompareCell]]
    /// Lines printed under a terminal table (mixed split protocols, hidden columns).
    public var notes: [String] = []

    /// The fixed columns, in order, with their keys (as documented in docs/COMPARE.md).
    public static let fixedKeys = [
        "id", "name", "kind", "status", "dataset", "version", "features", "split", "seed", "test_acc", "test_f1", "test_uar",
        "best_epoch", "val_acc", "val_f1", "val_uar", "epochs", "duration_s", "children", "tags",
    ]

    /// Fixed columns shown when `--columns` is not given.
    public static let defaultKeys: Set<String> = [
        "id", "name", "kind", "status", "dataset", "version", "split", "test_acc", "test_f1", "test_uar", "best_epoch",
        "val_acc", "val_f1", "duration_s",
    ]

    /// Starts the note printed when the rows mix split protocols.
    public static let mixedProtocolsMark = "(!)"

    /// Hyperparameters already shown as run columns: not repeated among the differing ones.
    public static let parametersShownAsColumns: Set<String> = ["param.split", "param.dataset", "param.features"]

    /// Every column the comparison can show (all parameters, per-class F1 when fetched).
    public static func allColumns(_ comparison: RunComparison) -> (columns: [CompareColumn], cells: [[CompareCell]]) {
        let mixed = Set(comparison.rows.compactMap { $0.split.map(protocolOf) }).count > 1
        var columns: [CompareColumn] = [
            CompareColumn(key: "id", header: "id", numeric: true, priority: 100, identity: true),
            CompareColumn(key: "name", header: "name", numeric: false, priority: 95, identity: true),
            CompareColumn(key: "kind", header: "kind", numeric: false, priority: 40),
            CompareColumn(key: "status", header: "status", numeric: false, priority: 45),
            CompareColumn(key: "dataset", header: "dataset", numeric: false, priority: 60),
            CompareColumn(key: "version", header: "version", numeric: false, priority: 30),
            CompareColumn(key: "features", header: "features", numeric: false, priority: 25),
            CompareColumn(key: "split", header: mixed ? "split(!)" : "split", numeric: false, priority: mixed ? 98 : 70),
            CompareColumn(key: "seed", header: "seed", numeric: true, priority: 20),
            CompareColumn(key: "test_acc", header: "test acc", numeric: true, rank: .higherIsBetter, priority: 99),
            CompareColumn(key: "test_f1", header: "test F1", numeric: true, rank: .higherIsBetter, priority: 97),
            CompareColumn(key: "test_uar", header: "test UAR", numeric: true, rank: .higherIsBetter, priority: 96),
            CompareColumn(key: "best_epoch", header: "best ep", numeric: true, priority: 80),
            CompareColumn(key: "val_acc", header: "val acc", numeric: true, rank: .higherIsBetter, priority: 85),
            CompareColumn(key: "val_f1", header: "val F1", numeric: true, rank: .higherIsBetter, priority: 84),
            CompareColumn(key: "val_uar", header: "val UAR", numeric: true, rank: .higherIsBetter, priority: 35),
            CompareColumn(key: "epochs", header: "epochs", numeric: true, priority: 30),
            CompareColumn(key: "duration_s", header: "time", numeric: true, priority: 50),
            CompareColumn(key: "children", header: "children", numeric: true, priority: 15),
            CompareColumn(key: "tags", header: "tags", numeric: false, priority: 20),
        ]
        for name in comparison.hyperparameterNames {
            columns.append(CompareColumn(key: "param.\(name)", header: name, numeric: false, priority: 75))
        }
        for label in comparison.classLabels {
            columns.append(
                CompareColumn(key: "class_f1.\(label)", header: "F1 \(label)", numeric: true, rank: .higherIsBetter, priority: 55))
        }
        let cells = comparison.rows.map { row -> [CompareCell] in
            func metric(_ m: MetricValue?, digits: Int = 3) -> CompareCell {
                m.map { .number($0.value, std: $0.std, digits: digits) } ?? .missing
            }
            func text(_ s: String?) -> CompareCell { s.map(CompareCell.text) ?? .missing }
            let bestEpoch: CompareCell =
                row.bestEpoch.map { $0.std == nil ? .number($0.value, std: nil, digits: 0) : .number($0.value, std: $0.std, digits: 1) }
                ?? .missing
            var out: [CompareCell] = [
                .number(Double(row.id), std: nil, digits: 0), text(row.name), .text(row.kind), .text(row.status), text(row.dataset),
                text(row.datasetVersion), text(row.features), text(row.split), .number(Double(row.seed), std: nil, digits: 0),
                metric(row.testAccuracy), metric(row.testF1), metric(row.testUAR), bestEpoch, metric(row.validationAccuracy),
                metric(row.validationF1), metric(row.validationUAR),
                row.epochsDone.map { .number(Double($0), std: nil, digits: 0) } ?? .missing,
                row.durationSeconds.map(CompareCell.duration) ?? .missing,
                .number(Double(row.children), std: nil, digits: 0), .list(row.tags),
            ]
            for name in comparison.hyperparameterNames { out.append(row.hyperparameters[name].map(CompareCell.json) ?? .missing) }
            for label in comparison.classLabels { out.append(row.classF1[label].map { .number($0, std: nil, digits: 3) } ?? .missing) }
            return out
        }
        return (columns, cells)
    }

    /// Every column key of the comparison in column order (the fixed keys, `param.NAME` for
    /// every hyperparameter, `class_f1.LABEL` when fetched): what JSON prints.
    public static func everyKey(_ comparison: RunComparison) -> [String] {
        fixedKeys + comparison.hyperparameterNames.map { "param.\($0)" } + comparison.classLabels.map { "class_f1.\($0)" }
    }

    /// `speaker-independent`, `random` or `k-fold` from a `split` value.
    public static func protocolOf(_ split: String) -> String {
        if split.hasPrefix("kfold") { return "k-fold" }
        return split
    }

    /// The table for `ser compare`.
    /// - Parameters:
    ///   - keys: `--columns` (exact keys, in the order given), or `nil` for the default set
    ///     plus the hyperparameters that differ (all with `allParams`) and per-class F1.
    ///   - onlyChanged: drop columns whose value is the same in every row.
    /// - Throws: ``CompareError`` naming an unknown `--columns` key.
    public static func build(_ comparison: RunComparison, keys: [String]?, allParams: Bool, onlyChanged: Bool) throws -> CompareTable {
        let (columns, cells) = allColumns(comparison)
        var keep: [Int]
        if let keys {
            keep = []
            for key in keys {
                guard let i = columns.firstIndex(where: { $0.key == key || $0.key == "param.\(key)" }) else {
                    throw CompareError(flag: "--columns", "unknown column '\(key)'; columns: \(columns.map(\.key).joined(separator: ", "))")
                }
                keep.append(i)
            }
        } else {
            keep = columns.indices.filter { i in
                let key = columns[i].key
                if defaultKeys.contains(key) || key.hasPrefix("class_f1.") { return true }
                if key.hasPrefix("param.") {
                    return allParams || (!parametersShownAsColumns.contains(key) && !isConstant(cells, i))
                }
                return false
            }
        }
        if onlyChanged && cells.count > 1 {
            keep = keep.filter { columns[$0].identity || !isConstant(cells, $0) }
        }
        var table = CompareTable(columns: keep.map { columns[$0] }, cells: cells.map { row in keep.map { row[$0] } })
        let protocols = Set(comparison.rows.compactMap { $0.split.map(protocolOf) })
        if protocols.count > 1 {
            table.notes.append(
                "\(mixedProtocolsMark) these runs use different split protocols (\(protocols.sorted().joined(separator: ", "))): "
                    + "speaker-independent scores are not comparable with random-split ones; filter with --where \"split = 'speaker'\"")
        }
        if comparison.matched > comparison.rows.count {
            table.notes.append("showing \(comparison.rows.count) of \(comparison.matched) matching runs")
        }
        return table
    }

    /// True when every row holds the same value in column `i`.
    public static func isConstant(_ cells: [[CompareCell]], _ i: Int) -> Bool {
        guard let first = cells.first?[i] else { return true }
        return cells.allSatisfy { $0[i] == first }
    }
}
