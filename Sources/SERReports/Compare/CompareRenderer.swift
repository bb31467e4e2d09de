/// Prints a ``CompareTable`` as a terminal table, CSV, JSON or Markdown.
///
/// CSV, JSON and Markdown use the stable column keys; metric columns (`test_acc`, `test_f1`,
/// `test_uar`, `val_acc`, `val_f1`, `val_uar`, `best_epoch`) are followed by `<key>_std`
/// (the standard deviation over the folds/trials of a parent run, empty/null otherwise).
public enum CompareRenderer {
    /// Keys that carry a standard deviation column in CSV and JSON.
    public static let keysWithStd: Set<String> = ["test_acc", "test_f1", "test_uar", "val_acc", "val_f1", "val_uar", "best_epoch"]

    /// RFC 4180 CSV with a header line of column keys.
    public static func csv(_ table: CompareTable) -> String {
        func field(_ s: String) -> String {
            let special = s.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            return special ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var header: [String] = []
        for c in table.columns {
            header.append(c.key)
            if keysWithStd.contains(c.key) { header.append(c.key + "_std") }
        }
        var lines = [header.map(field).joined(separator: ",")]
        lines.reserveCapacity(table.cells.count + 1)
        let hasStd = table.columns.map { keysWithStd.contains($0.key) }
        for row in table.cells {
            var out: [String] = []
            out.reserveCapacity(header.count)
            for (c, cell) in row.enumerated() {
                out.append(field(cell.plain))
                if hasStd[c] { out.append(cell.std.map(CompareCell.shortest) ?? "") }
            }
            lines.append(out.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    /// A JSON array with one object per run (docs/json/compare.schema.json): every fixed
    /// column key with its `KEY_std` companion, `tags` as an array, then `params` (every
    /// hyperparameter of the comparison as its JSON value) and `class_f1` (`--per-class`,
    /// else empty); missing values `null`. Give it the table of every column
    /// (``CompareTable/everyKey(_:)``) so that each key is present. Written by hand rather than by an
    /// encoder: hyperparameters are stored as JSON text and pass through unparsed, which
    /// keeps 10,000 runs under a second (docs/BENCHMARKS-compare.md).
    public static func json(_ table: CompareTable) -> String {
        enum Slot { case field(key: String, std: String?), param(String), classF1(String) }
        let slots = table.columns.map { column -> Slot in
            if column.key.hasPrefix("param.") { return .param(CompareCell.jsonString(String(column.key.dropFirst(6))) + ": ") }
            if column.key.hasPrefix("class_f1.") { return .classF1(CompareCell.jsonString(String(column.key.dropFirst(9))) + ": ") }
            return .field(
                key: CompareCell.jsonString(column.key) + ": ",
                std: keysWithStd.contains(column.key) ? CompareCell.jsonString(column.key + "_std") + ": " : nil)
        }
        var objects: [String] = []
        objects.reserveCapacity(table.cells.count)
        for row in table.cells {
            var members: [String] = [], params: [String] = [], classF1: [String] = []
            members.reserveCapacity(slots.count)
            for (c, cell) in row.enumerated() {
                switch slots[c] {
                case .field(let key, let std):
                    members.append(key + cell.json)
                    if let std { members.append(std + (cell.std.map(CompareCell.shortest) ?? "null")) }
                case .param(let key): params.append(key + cell.json)
                case .classF1(let key): classF1.append(key + cell.json)
                }
            }
            members.append("\"params\": {" + params.joined(separator: ", ") + "}")
            members.append("\"class_f1\": {" + classF1.joined(separator: ", ") + "}")
            objects.append("  {" + members.joined(separator: ", ") + "}")
        }
        return objects.isEmpty ? "[]" : "[\n" + objects.joined(separator: ",\n") + "\n]"
    }

    /// A GitHub-flavoured Markdown table (keys as headers, numbers right-aligned).
    public static func markdown(_ table: CompareTable) -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var lines = ["| " + table.columns.map { escape($0.key) }.joined(separator: " | ") + " |"]
        lines.append("|" + table.columns.map { $0.numeric ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in table.cells {
            lines.append("| " + row.map { escape($0.display) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// An aligned table that fits `width` columns: long text is cut with `…`, then the
    /// least important columns are dropped (and named in a note). With `color`, the best value
    /// of each score column is bold green.
    public static func terminal(_ table: CompareTable, width: Int?, color: Bool) -> String {
        let maxText = 28
        var columns = Array(table.columns.indices)
        var widths = table.columns.indices.map { c in
            max(table.columns[c].header.count, table.cells.map { $0[c].display.count }.max() ?? 0)
        }
        for c in columns where !table.columns[c].numeric { widths[c] = min(widths[c], max(table.columns[c].header.count, maxText)) }
        func total() -> Int { columns.map { widths[$0] }.reduce(0, +) + 2 * max(0, columns.count - 1) }
        var dropped: [String] = []
        if let width {
            for c in columns where !table.columns[c].numeric && total() > width {
                widths[c] = min(widths[c], max(table.columns[c].header.count, 12))
            }
            // Least important first; among equals, the rightmost first.
            let byPriority = columns.sorted { (table.columns[$0].priority, -$0) < (table.columns[$1].priority, -$1) }
            for c in byPriority where total() > width && !table.columns[c].identity && columns.count > 2 {
                columns.removeAll { $0 == c }
                dropped.append(table.columns[c].key)
            }
        }
        var best: [Int: Double] = [:]
        if color && table.cells.count > 1 {
            for c in columns where table.columns[c].rank == .higherIsBetter {
                best[c] = table.cells.compactMap { $0[c].numeric }.max()
            }
        }
        func cut(_ s: String, _ w: Int) -> String { s.count <= w ? s : String(s.prefix(max(0, w - 1))) + "…" }
        func pad(_ s: String, _ c: Int) -> String {
            let text = cut(s, widths[c])
            let fill = String(repeating: " ", count: max(0, widths[c] - text.count))
            return table.columns[c].numeric ? fill + text : text + fill
        }
        var lines = [columns.map { pad(table.columns[$0].header, $0) }.joined(separator: "  ").trimmingTrailingSpaces()]
        for row in table.cells {
            let cells = columns.map { c -> String in
                let text = pad(row[c].display, c)
                if let top = best[c], let x = row[c].numeric, x == top { return "\u{1B}[1;32m" + text + "\u{1B}[0m" }
                return text
            }
            lines.append(cells.joined(separator: "  ").trimmingTrailingSpaces())
        }
        var notes = table.notes
        if !dropped.isEmpty {
            let named =
                dropped.count > 8
                ? dropped.prefix(7).joined(separator: ", ") + " and \(dropped.count - 7) more" : dropped.joined(separator: ", ")
            notes.append("hidden to fit \(width ?? 0) columns: \(named) (choose with --columns, or use --format csv)")
        }
        return (lines + (notes.isEmpty ? [] : [""] + notes)).joined(separator: "\n")
    }
}
