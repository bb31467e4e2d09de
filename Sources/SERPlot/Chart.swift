/// Something that draws itself into a rectangle of a canvas: one panel of a ``Figure``.
public protocol Chart: Sendable {
    /// Draws the chart (axes, data, legend, title) inside `rect` (points).
    func draw(on canvas: Canvas, in rect: Rect, theme: Theme)
    /// The panel's title (drawn above its plot area); `nil` for none.
    var title: String? { get set }
}

extension Chart {
    /// A one-panel figure of this chart, `width × height` points.
    public func figure(width: Double = 720, height: Double = 450) -> Figure {
        Figure(width: width, height: height, panels: [self])
    }
}
