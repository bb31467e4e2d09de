/// A vertical colour scale beside a heatmap: the colour map as a strip, nice ticks and an
/// optional title (e.g. `dB`).
public struct Colorbar: Sendable {
    /// The colour map values are drawn with.
    public var colorMap: ColorMap
    /// Values at the bottom and top of the strip.
    public var range: ClosedRange<Double>
    /// Text shown for this item (legend entry, colourbar title).
    public var label: String?
    /// Strip width (points).
    public static let stripWidth = 14.0
    /// Gap between the plot and the strip (points).
    public static let gap = 14.0

    public init(colorMap: ColorMap, range: ClosedRange<Double>, label: String?) {
        self.colorMap = colorMap
        self.range = range
        self.label = label
    }

    var ticks: [Double] { NiceScale.ticks(lower: range.lowerBound, upper: range.upperBound, count: 6) }

    /// The width the bar with its labels needs (points).
    public func width(canvas: Canvas, theme: Theme) -> Double {
        let labels = NiceScale.labels(ticks)
        let widest = labels.map { canvas.measure($0, size: theme.tickFontSize).width }.max() ?? 0
        let title = label == nil ? 0 : canvas.measure("Ag", size: theme.labelFontSize).height + 6
        return Self.gap + Self.stripWidth + theme.tickLength + 3 + widest + title
    }

    /// Draws the bar to the right of `frame`, as tall as it.
    public func draw(on canvas: Canvas, beside frame: Rect, theme: Theme) {
        let strip = Rect(x: frame.maxX + Self.gap, y: frame.minY, width: Self.stripWidth, height: frame.height)
        let steps = 256
        let pixels = (0..<steps).map { colorMap.argb(1 - Double($0) / Double(steps - 1)) }
        canvas.image(pixels: pixels, columns: 1, rows: steps, in: strip, smooth: true)
        canvas.stroke(strip, theme.axis, lineWidth: 0.6)
        let span = range.upperBound - range.lowerBound
        var widest = 0.0
        for (value, text) in zip(ticks, NiceScale.labels(ticks)) {
            let f = span == 0 ? 0.5 : (value - range.lowerBound) / span
            let y = strip.maxY - f * strip.height
            canvas.line(
                from: Point(x: strip.maxX, y: y), to: Point(x: strip.maxX + theme.tickLength, y: y), theme.axis, lineWidth: theme.axisWidth)
            canvas.text(
                text, at: Point(x: strip.maxX + theme.tickLength + 3, y: y), size: theme.tickFontSize, color: theme.text,
                anchor: .leftMiddle)
            widest = max(widest, canvas.measure(text, size: theme.tickFontSize).width)
        }
        if let label {
            canvas.text(
                label, at: Point(x: strip.maxX + theme.tickLength + 3 + widest + 6, y: strip.midY),
                size: canvas.fittingSize(label, size: theme.labelFontSize, width: strip.height), color: theme.text,
                anchor: TextAnchor(.center, .top), rotation: 90)
        }
    }
}
