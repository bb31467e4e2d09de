import Foundation

/// One violin per group: a mirrored kernel density estimate of the values (Gaussian kernel,
/// Scott's bandwidth `1.06·σ·n^(-1/5)`, as seaborn's default), cut at the data's extremes,
/// with the quartile box and the median drawn inside.
public struct ViolinPlot: Chart {
    /// Groups in x order; a group with no finite values leaves an empty slot.
    public var groups: [(label: String, values: [Double])]
    /// Title drawn above the plot area (or the figure).
    public var title: String?
    /// x-axis title, with units in parentheses (e.g. `time (s)`).
    public var xLabel: String?
    /// y-axis title, with units in parentheses (e.g. `frequency (Hz)`).
    public var yLabel: String?
    /// The colour of each group (default: tab10 in order).
    public var colors: [Color]?

    public init(
        groups: [(label: String, values: [Double])], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
        colors: [Color]? = nil
    ) {
        self.groups = groups
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colors = colors
    }

    /// The density of `values` at `points` (Gaussian KDE, Scott's bandwidth); all zeros when
    /// the values do not vary, so a constant group draws as a line.
    public static func density(_ values: [Double], at points: [Double]) -> [Double] {
        let finite = values.filter(\.isFinite)
        let n = Double(finite.count)
        guard n > 1 else { return points.map { _ in 0 } }
        let mean = finite.reduce(0, +) / n
        let sd = (finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        let bandwidth = 1.06 * sd * pow(n, -0.2)
        guard bandwidth > 0 else { return points.map { _ in 0 } }
        let norm = 1 / (n * bandwidth * (2 * Double.pi).squareRoot())
        return points.map { p in
            norm
                * finite.reduce(0) { sum, v in
                    let z = (p - v) / bandwidth
                    return sum + exp(-0.5 * z * z)
                }
        }
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme) {
        let finite = groups.map { $0.values.filter(\.isFinite) }
        var y = Axis.linear(NiceScale.paddedRange(finite.flatMap { $0 }), label: yLabel)
        y.grid = true
        let area = PlotArea(in: rect, x: .categorical(groups.map(\.label), label: xLabel), y: y, title: title, canvas: canvas, theme: theme)
        area.drawBackground(on: canvas)
        let edge = Color(hex: 0x3F3F3F)
        for (i, values) in finite.enumerated() {
            guard let lo = values.min(), let hi = values.max(), let stats = BoxStatistics(values) else { continue }
            let color = colors.flatMap { i < $0.count ? $0[i] : nil } ?? Color.series(i)
            let steps = 80
            let points = (0...steps).map { lo + (hi - lo) * Double($0) / Double(steps) }
            let density = Self.density(values, at: points)
            let peak = density.max() ?? 0
            let halfWidth = 0.4
            let x = Double(i)
            if peak > 0 {
                let right = zip(points, density).map { area.point(x + halfWidth * $1 / peak, $0) }
                let left = zip(points, density).reversed().map { area.point(x - halfWidth * $1 / peak, $0) }
                canvas.fillPolygon(right + left, color.withAlpha(0.75))
                canvas.polyline(right + left + [right[0]], edge, lineWidth: 0.8)
            } else {
                canvas.line(from: area.point(x - halfWidth, lo), to: area.point(x + halfWidth, lo), color, lineWidth: 2)
            }
            let mid = area.px(x)
            canvas.line(
                from: Point(x: mid, y: area.py(stats.lowerWhisker)), to: Point(x: mid, y: area.py(stats.upperWhisker)), edge, lineWidth: 1)
            let box = Rect(x: mid - 3, y: area.py(stats.q3), width: 6, height: max(0.5, area.py(stats.q1) - area.py(stats.q3)))
            canvas.fill(box, edge)
            canvas.circle(center: Point(x: mid, y: area.py(stats.median)), radius: 2.4, fill: .white)
        }
        area.drawAxes(on: canvas)
    }
}
