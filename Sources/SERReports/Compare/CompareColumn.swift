/// A column of `ser compare`: its stable key (CSV/JSON name), its table header, and how to
/// judge and keep it.
public struct CompareColumn: Equatable {
    /// How the column's values rank.
    public enum Rank: Equatable {
        /// Not a score.
        case none
        /// A score: higher is better (accuracy, F1, UAR); the best cell is highlighted.
        case higherIsBetter
    }

    /// Stable machine name: `test_acc`, `param.lr`, `class_f1.happy`.
    public var key: String
    /// Header in the terminal table and Markdown.
    public var header: String
    /// Right-align (numbers).
    public var numeric: Bool
    public var rank: Rank = .none
    /// Dropped first (lowest) when the table is wider than the terminal.
    public var priority: Int
    /// Never hidden by `--only-changed` (id, name).
    public var identity: Bool = false
}
