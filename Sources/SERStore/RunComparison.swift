/// The answer of ``Store/compare(_:)``: the runs in order, and what they have between them.
public struct RunComparison: Sendable, Equatable {
    /// The runs, sorted and limited as asked.
    public var rows: [CompareRow]
    /// How many runs matched before `limit`.
    public var matched: Int
    /// Every hyperparameter name any of ``rows`` has, sorted.
    public var hyperparameterNames: [String]
    /// Every class label with per-class metrics in ``rows``, sorted (empty unless asked).
    public var classLabels: [String]

    /// Creates a comparison.
    public init(rows: [CompareRow], matched: Int, hyperparameterNames: [String], classLabels: [String]) {
        self.rows = rows
        self.matched = matched
        self.hyperparameterNames = hyperparameterNames
        self.classLabels = classLabels
    }
}
