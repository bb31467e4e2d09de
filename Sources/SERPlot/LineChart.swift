/// Lines over a linear x axis (e.g. loss per epoch), with a legend when there is more than
/// one series, and optional vertical marker lines (e.g. the best epoch).
///
/// The legend goes in a corner of the plot area that covers no data; when every corner
/// would, it moves outside, to the right of the plot area (in several columns if it is
/// taller than the plot).
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
    /// Legend rows to show instead of one per series (e.g. one per run plus `train` solid /
    /// `validation` dashed), when colours and line styles encode two things.
    public var legendEntries: [Legend.Entry]?

    public init(
        series: [LineSeries], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
        yRange: ClosedRange<Double>? = nil, integerX: Bool = false, markers: [(x: Double, label: String)] = [],
        showLegend: Bool? = nil, legendEntries: [Legend.Entry]? = nil
    ) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yRange = yRange
        self.integerX = integerX
        self.markers = markers
        self.showLegend = showLegend
        self.legendEntries = legendEntries
    }

    /// The legend this chart draws, if any.
    var legend: Legend? {
        guard showLegend ?? (series.count > 1) else { return nil }
        let entries =
            legendEntries
            ?? series.enumerated().map { i, s in
                Legend.Entry(label: s.label, color: s.color ?? Color.series(i), swatch: .line(dash: s.dash))
            }
        return entries.isEmpty ? nil : Legend(entries: entries)
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme) {
        let xs = series.flatMap(\.x), ys = series.flatMap(\.y)
        let xr: ClosedRange<Double>
        if let lo = xs.filter(\.isFinite).min(), let hi = xs.filter(\.isFinite).max(), hi > lo {
            xr = NiceScale.paddedRange([lo, hi], margin: 0.03)
        } else {
            xr = NiceScale.paddedRange(xs)
        }
        let xAxis = Axis.linear(xr, label: xLabel, integerTicks: integerX)
        let yAxis = Axis.linear(yRange ?? NiceScale.paddedRange(ys), label: yLabel)
        func layout(rightMargin: Double, topMargin: Double = 0) -> PlotArea {
            PlotArea(
                in: rect, x: xAxis, y: yAxis, title: title, canvas: canvas, theme: theme, rightMargin: rightMargin, topMargin: topMargin)
        }
        func lines(_ area: PlotArea) -> [[Point]] {
            series.map { s in zip(s.x, s.y).map { $0.isFinite && $1.isFinite ? area.point($0, $1) : Point(x: .nan, y: .nan) } }
        }
        var area = layout(rightMargin: 0)
        let legend = self.legend
        var legendBox: Rect?
        var legendColumns = 1
        if let legend {
            let labelBoxes = markerLabelBoxes(area, canvas: canvas, theme: theme).map(\.box)
            let occupied = labelBoxes.flatMap {
                [Point(x: $0.minX, y: $0.minY), Point(x: $0.maxX, y: $0.maxY), Point(x: $0.midX, y: $0.midY)]
            }
            legendBox = legend.freeCorner(
                on: canvas, in: area.frame, avoiding: occupied, segments: lines(area).map { $0.filter(\.x.isFinite) }, theme: theme)
            if legendBox == nil {
                // Outside, to the right of the plot area, in as many columns as its height
                // needs, when that leaves the plot at least 55 % of the panel; otherwise above
                // the plot, in as many columns as fit its width.
                let available = max(40, area.frame.height)
                while legend.size(on: canvas, theme: theme, columns: legendColumns).height > available && legendColumns < 4 {
                    legendColumns += 1
                }
                let size = legend.size(on: canvas, theme: theme, columns: legendColumns)
                let right = layout(rightMargin: size.width + 10)
                if right.frame.width >= 0.55 * rect.width, size.height <= right.frame.height {
                    area = right
                    legendBox = Rect(x: area.frame.maxX + 10, y: area.frame.minY, width: size.width, height: size.height)
                } else {
                    let width = rect.width - 2 * theme.padding
                    legendColumns = legend.entries.count
                    while legendColumns > 1 && legend.size(on: canvas, theme: theme, columns: legendColumns).width > width {
                        legendColumns -= 1
                    }
                    let above = legend.size(on: canvas, theme: theme, columns: legendColumns)
                    area = layout(rightMargin: 0, topMargin: above.height + 6)
                    legendBox = Rect(
                        x: max(rect.minX + theme.padding, area.frame.midX - above.width / 2),
                        y: area.frame.minY - above.height - 4 - canvas.measure("0", size: theme.tickFontSize).height / 2,
                        width: above.width, height: above.height)
                }
            }
        }
        area.drawBackground(on: canvas)
        canvas.clipped(to: area.frame.inset(top: -2, left: -2, bottom: -2, right: -2)) {
            for marker in markers {
                let x = area.px(marker.x)
                canvas.line(
                    from: Point(x: x, y: area.frame.minY), to: Point(x: x, y: area.frame.maxY), Color(hex: 0x7F7F7F),
                    lineWidth: 1, dash: [2, 2])
            }
            for (i, (s, points)) in zip(series, lines(area)).enumerated() {
                let color = s.color ?? Color.series(i)
                canvas.polyline(points, color, lineWidth: theme.lineWidth, dash: s.dash)
                canvas.recordDataLine(points)
                if s.markers || points.count == 1 {
                    for p in points where p.x.isFinite { canvas.circle(center: p, radius: 2.6, fill: color) }
                }
            }
        }
        for (label, box, anchor, point) in markerLabelBoxes(area, canvas: canvas, theme: theme) {
            _ = box
            canvas.text(label, at: point, size: theme.tickFontSize - 1, color: Color(hex: 0x595959), anchor: anchor)
        }
        area.drawAxes(on: canvas)
        if let legend, let legendBox {
            legend.draw(on: canvas, box: legendBox, theme: theme, columns: legendColumns)
        }
    }

    /// Where each marker's label goes: right of its line, or left of it when it would run
    /// past the plot area's right edge (the last epoch).
    private func markerLabelBoxes(_ area: PlotArea, canvas: Canvas, theme: Theme) -> [(String, box: Rect, TextAnchor, Point)] {
        markers.map { marker in
            let x = area.px(marker.x)
            let size = theme.tickFontSize - 1
            let right = Point(x: x + 3, y: area.frame.minY + 3)
            let width = canvas.measure(marker.label, size: size).width
            if right.x + width <= area.frame.maxX - 2 {
                let anchor = TextAnchor(.left, .top)
                return (marker.label, canvas.textBox(marker.label, at: right, size: size, anchor: anchor), anchor, right)
            }
            let left = Point(x: x - 3, y: area.frame.minY + 3)
            let anchor = TextAnchor(.right, .top)
            return (marker.label, canvas.textBox(marker.label, at: left, size: size, anchor: anchor), anchor, left)
        }
    }
}
