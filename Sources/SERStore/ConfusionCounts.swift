/// A run's confusion matrix on one subset, rebuilt from the long-form `confusion` table.
public struct ConfusionCounts: Sendable, Equatable {
    /// `train`, `val` or `test`.
    public var subset: String
    /// Class names, in the order of the rows and columns.
    public var labels: [String]
    /// `counts[true][predicted]`, `labels.count × labels.count`.
    public var counts: [[Int]]

    public init(subset: String, labels: [String], counts: [[Int]]) {
        self.subset = subset
        self.labels = labels
        self.counts = counts
    }

    /// Clips counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
}
