/// One axis of a plot: its data range, tick positions and labels, and its title.
///
/// A linear axis maps `lower…upper` onto the plot area; a categorical axis puts category
/// `i` at position `i` with the range `-0.5 … n-0.5`.
public struct Axis: Sendable {
    /// Axis title, with units in parentheses (e.g. `time (s)`).
    public var label: String?
    /// Data value at the start of the axis (left or bottom).
    public var lower: Double
    /// Data value at the end of the axis (right or top).
    public var upper: Double
    /// Data values where ticks (and grid lines) go.
    public var ticks: [Double]
    /// One label per tick.
    public var tickLabels: [String]
    /// Whether grid lines are drawn at the ticks.
    public var grid: Bool
    /// Whether the axis runs from top to bottom (y axes of matrices: row 0 at the top).
    public var inverted: Bool

    public init(
        label: String?, lower: Double, upper: Double, ticks: [Double], tickLabels: [String], grid: Bool = true, inverted: Bool = false
    ) {
        self.label = label
        self.lower = lower
        self.upper = upper
        self.ticks = ticks
        self.tickLabels = tickLabels
        self.grid = grid
        self.inverted = inverted
    }

    /// A linear axis over `range` with nice ticks.
    ///
    /// - Parameters:
    ///   - integerTicks: only whole-number ticks (epochs, counts).
    ///   - tickCount: about how many ticks to aim for.
    public static func linear(_ range: ClosedRange<Double>, label: String?, integerTicks: Bool = false, tickCount: Int = 6) -> Axis {
        var ticks = NiceScale.ticks(lower: range.lowerBound, upper: range.upperBound, count: tickCount)
        if integerTicks {
            ticks = ticks.filter { $0 == $0.rounded() }
            if ticks.count < 2 { ticks = [range.lowerBound.rounded(.up), range.upperBound.rounded(.down)].filter { range.contains($0) } }
        }
        return Axis(label: label, lower: range.lowerBound, upper: range.upperBound, ticks: ticks, tickLabels: NiceScale.labels(ticks))
    }

    /// A categorical axis: category `i` at position `i`.
    public static func categorical(_ categories: [String], label: String?, inverted: Bool = false) -> Axis {
        Axis(
            label: label, lower: -0.5, upper: Double(categories.count) - 0.5, ticks: categories.indices.map(Double.init),
            tickLabels: categories, grid: false, inverted: inverted)
    }

    /// The fraction (0 at the start, 1 at the end) of the axis where `value` lies.
    public func fraction(_ value: Double) -> Double {
        let span = upper - lower
        let f = span == 0 ? 0.5 : (value - lower) / span
        return inverted ? 1 - f : f
    }
}
