/// A column of `ser compare`: its stable key (CSV/JSON name), its table header, and how to
/// judge and keep it.
struct CompareColumn: Equatable {
    /// How the column's values rank.
    enum Rank: Equatable {
        /// Not a score.
        case none
        /// A score: higher is better (accuracy, F1, UAR); the best cell is highlighted.
        case higherIsBetter
    }

    /// Stable machine name: `test_acc`, `param.lr`, `class_f1.happy`.
    var key: String
    /// Header in the terminal table and Markdown.
    var header: String
    /// Right-align (numbers).
    var numeric: Bool
    var rank: Rank = .none
    /// Dropped first (lowest) when the table is wider than the terminal.
    var priority: Int
    /// Never hidden by `--only-changed` (id, name).
    var identity: Bool = false
}
