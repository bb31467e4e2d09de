/// Lines over a linear x axis (e.g. loss per epoch), with a legend when there is more than
/// one series, and optional vertical marker lines (e.g. the best epoch).
public struct LineChart: Chart {
    /// The data series, drawn in order (tab10 colours unless a series sets its own).
    public var series: [LineSeries]
    /// Title drawn above the plot area (or the figure).
    public var title: String?
    /// x axis title with units.
    public var xLabel: String?
    /// y axis title with units.
    public var yLabel: String?
    /// Fixed y range; `nil` fits the data with 5 % margins.
    public var yRange: ClosedRange<Double>?
    /// Only whole-number x ticks (epochs).
    public var integerX: Bool
    /// Vertical dotted lines at these x values, with a short label each.
    public var markers: [(x: Double, label: String)]
    /// Whether to draw the legend (default: when there are two or more series).
    public var showLegend: Bool?

    public init(
        series: [LineSeries], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
        yRange: ClosedRange<Double>? = nil, integerX: Bool = false, markers: [(x: Double, label: String)] = [],
        showLegend: Bool? = nil
    ) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yRange = yRange
        self.integerX = integerX
        self.markers = markers
        self.showLegend = showLegend
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme) {
        let xs = series.flatMap(\.x), ys = series.flatMap(\.y)
        let xr: ClosedRange<Double>
        if let lo = xs.filter(\.isFinite).min(), let hi = xs.filter(\.isFinite).max(), hi > lo {
            xr = NiceScale.paddedRange([lo, hi], margin: 0.03)
        } else {
            xr = NiceScale.paddedRange(xs)
        }
        let area = PlotArea(
            in: rect, x: .linear(xr, label: xLabel, integerTicks: integerX),
            y: .linear(yRange ?? NiceScale.paddedRange(ys), label: yLabel), title: title, canvas: canvas, theme: theme)
        area.drawBackground(on: canvas)
        var occupied: [Point] = []
        canvas.clipped(to: area.frame.inset(top: -2, left: -2, bottom: -2, right: -2)) {
            for marker in markers {
                let x = area.px(marker.x)
                canvas.line(
                    from: Point(x: x, y: area.frame.minY), to: Point(x: x, y: area.frame.maxY), Color(hex: 0x7F7F7F),
                    lineWidth: 1, dash: [2, 2])
            }
            for (i, s) in series.enumerated() {
                let color = s.color ?? Color.series(i)
                let points = zip(s.x, s.y).map { $0.isFinite && $1.isFinite ? area.point($0, $1) : Point(x: .nan, y: .nan) }
                canvas.polyline(points, color, lineWidth: theme.lineWidth, dash: s.dash)
                if s.markers || points.count == 1 {
                    for p in points where p.x.isFinite { canvas.circle(center: p, radius: 2.6, fill: color) }
                }
                occupied += points.filter { $0.x.isFinite }
            }
        }
        for marker in markers {
            let width = canvas.measure(marker.label, size: theme.tickFontSize - 1).width
            occupied += stride(from: 0.0, through: width, by: 6).map { Point(x: area.px(marker.x) + 3 + $0, y: area.frame.minY + 8) }
            canvas.text(
                marker.label, at: Point(x: area.px(marker.x) + 3, y: area.frame.minY + 3), size: theme.tickFontSize - 1,
                color: Color(hex: 0x595959), anchor: TextAnchor(.left, .top))
        }
        area.drawAxes(on: canvas)
        if showLegend ?? (series.count > 1) {
            let entries = series.enumerated().map { i, s in
                Legend.Entry(label: s.label, color: s.color ?? Color.series(i), swatch: .line(dash: s.dash))
            }
            Legend(entries: entries).draw(on: canvas, in: area.frame, avoiding: occupied, theme: theme)
        }
    }
}
