/// One group member of a ``BarChart``: one value per category.
public struct BarSeries: Sendable {
    /// Legend text.
    public var label: String
    /// One value per category; NaN leaves the slot empty.
    public var values: [Double]
    /// `nil`: the next tab10 colour.
    public var color: Color?

    public init(label: String, values: [Double], color: Color? = nil) {
        self.label = label
        self.values = values
        self.color = color
    }
}
