public import SERStore

/// How two runs' confusion matrices differ: each row normalised to rates (the share of a true
/// class's clips given each prediction), then the second run's rates minus the first's. Rates,
/// not counts, so runs evaluated on subsets of different sizes compare. On the diagonal a
/// positive difference is an improvement; off it, a positive difference is more confusion.
public struct ConfusionDifference: Sendable, Equatable, Encodable {
    /// The class order of every matrix (canonical emotion order).
    public var labels: [String]
    /// The subset both were evaluated on.
    public var subset: String
    /// The run compared against, and the other.
    public var baseRunID: Int64, otherRunID: Int64
    /// `[true][predicted]` row-normalised rates in 0…1 of each run (a row with no clips is 0).
    public var baseRates: [[Double]], otherRates: [[Double]]
    /// `otherRates − baseRates`, in −1…1.
    public var difference: [[Double]]

    /// The difference of `other` and `base` (the same subset and classes).
    ///
    /// - Throws: ``ReportError`` `.invalidRequest` when the subsets or the class sets differ.
    public init(base: ConfusionCounts, baseRunID: Int64, other: ConfusionCounts, otherRunID: Int64) throws {
        guard base.subset == other.subset else {
            throw ReportError(
                .invalidRequest, "runs \(baseRunID) and \(otherRunID)",
                "their confusion matrices are on different subsets (\(base.subset), \(other.subset))")
        }
        guard Set(base.labels) == Set(other.labels) else {
            throw ReportError(
                .invalidRequest, "runs \(baseRunID) and \(otherRunID)",
                "they classify different emotions (\(base.labels.sorted().joined(separator: ", ")) against \(other.labels.sorted().joined(separator: ", ")))"
            )
        }
        let order = ClassOrder.canonical(base.labels)
        func rates(_ counts: ConfusionCounts) -> [[Double]] {
            counts.reordered(order).counts.map { row in
                let total = row.reduce(0, +)
                return row.map { total > 0 ? Double($0) / Double(total) : 0 }
            }
        }
        labels = order
        subset = base.subset
        self.baseRunID = baseRunID
        self.otherRunID = otherRunID
        baseRates = rates(base)
        otherRates = rates(other)
        difference = zip(otherRates, baseRates).map { zip($0, $1).map { $0 - $1 } }
    }
}
