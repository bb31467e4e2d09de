/// One box per group (e.g. a feature's per-clip mean for each emotion): box from Q1 to Q3,
/// median line, whiskers, outlier dots.
public struct BoxPlot: Chart {
    /// Groups in x order; a group with no finite values leaves an empty slot.
    public var groups: [(label: String, values: [Double])]
    /// Title drawn above the plot area (or the figure).
    public var title: String?
    /// x-axis title, with units in parentheses (e.g. `time (s)`).
    public var xLabel: String?
    /// y-axis title, with units in parentheses (e.g. `frequency (Hz)`).
    public var yLabel: String?
    /// One tab10 colour per group (otherwise all the first colour).
    public var colorByGroup: Bool
    /// The colour of each group, overriding `colorByGroup`.
    public var colors: [Color]?

    public init(
        groups: [(label: String, values: [Double])], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
        colorByGroup: Bool = true, colors: [Color]? = nil
    ) {
        self.colors = colors
        self.groups = groups
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colorByGroup = colorByGroup
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme) {
        let stats = groups.map { BoxStatistics($0.values) }
        let extremes = stats.compactMap { $0 }.flatMap { [$0.lowerWhisker, $0.upperWhisker] + $0.outliers }
        var y = Axis.linear(NiceScale.paddedRange(extremes), label: yLabel)
        y.grid = true
        let area = PlotArea(in: rect, x: .categorical(groups.map(\.label), label: xLabel), y: y, title: title, canvas: canvas, theme: theme)
        area.drawBackground(on: canvas)
        let edge = Color(hex: 0x3F3F3F)
        for (i, s) in stats.enumerated() {
            guard let s else { continue }
            let color = colors.flatMap { i < $0.count ? $0[i] : nil } ?? (colorByGroup ? Color.series(i) : Color.series(0))
            let x = Double(i)
            let left = area.px(x - 0.3), right = area.px(x + 0.3), mid = area.px(x)
            let box = Rect(x: left, y: area.py(s.q3), width: right - left, height: max(0.5, area.py(s.q1) - area.py(s.q3)))
            canvas.fill(box, color.withAlpha(0.75))
            canvas.stroke(box, edge, lineWidth: 1)
            canvas.line(from: Point(x: mid, y: area.py(s.q3)), to: Point(x: mid, y: area.py(s.upperWhisker)), edge, lineWidth: 1)
            canvas.line(from: Point(x: mid, y: area.py(s.q1)), to: Point(x: mid, y: area.py(s.lowerWhisker)), edge, lineWidth: 1)
            let capLeft = area.px(x - 0.15), capRight = area.px(x + 0.15)
            canvas.line(
                from: Point(x: capLeft, y: area.py(s.upperWhisker)), to: Point(x: capRight, y: area.py(s.upperWhisker)), edge, lineWidth: 1)
            canvas.line(
                from: Point(x: capLeft, y: area.py(s.lowerWhisker)), to: Point(x: capRight, y: area.py(s.lowerWhisker)), edge, lineWidth: 1)
            canvas.line(from: Point(x: left, y: area.py(s.median)), to: Point(x: right, y: area.py(s.median)), edge, lineWidth: 1.8)
            for o in s.outliers {
                canvas.circle(center: Point(x: mid, y: area.py(o)), radius: 2.5, fill: nil, stroke: edge, lineWidth: 0.8)
            }
        }
        area.drawAxes(on: canvas)
    }
}
