/// One final metric of a run: a row of `run_metrics`.
public struct RunMetric: Sendable, Codable, Equatable {
    /// `train`, `val` or `test`.
    public var subset: String
    /// `accuracy`, `macro_f1`, `uar`, `loss`, …
    public var name: String
    public var value: Double
    /// Standard deviation over children (k-fold and sweep parents only).
    public var std: Double?

    public init(subset: String, name: String, value: Double, std: Double?) {
        self.subset = subset
        self.name = name
        self.value = value
        self.std = std
    }
}
