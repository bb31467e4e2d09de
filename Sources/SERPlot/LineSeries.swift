/// One line of a ``LineChart``: `y[i]` at `x[i]`; non-finite values leave a gap.
public struct LineSeries: Sendable {
    /// Legend text.
    public var label: String
    /// Horizontal coordinate (points; for a plot area: the x axis).
    public var x: [Double]
    /// Vertical coordinate (points, growing downwards; for a plot area: the y axis).
    public var y: [Double]
    /// `nil`: the next tab10 colour.
    public var color: Color?
    /// On/off dash pattern (points); empty for a solid line.
    public var dash: [Double]
    /// Draws a dot at each point (useful for short series).
    public var markers: Bool

    public init(label: String, x: [Double], y: [Double], color: Color? = nil, dash: [Double] = [], markers: Bool = false) {
        self.label = label
        self.x = x
        self.y = y
        self.color = color
        self.dash = dash
        self.markers = markers
    }

    /// A dashed pattern that reads well at the default line width.
    public static let dashed: [Double] = [6, 3]
}
