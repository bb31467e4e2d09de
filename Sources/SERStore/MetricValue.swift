/// A metric of a run: the value, and for parents of k-fold runs and sweeps the standard
/// deviation over their children (`value` is then the mean).
public struct MetricValue: Sendable, Equatable, Codable {
    /// The value (a fraction in [0, 1] for accuracy, F1 and UAR).
    public var value: Double
    /// Standard deviation over the children; `nil` for a single run.
    public var std: Double?

    /// Creates a metric value.
    public init(_ value: Double, std: Double? = nil) {
        self.value = value
        self.std = std
    }
}
