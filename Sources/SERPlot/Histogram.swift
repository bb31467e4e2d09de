import Foundation

/// The distribution of values as bars of counts over equal-width bins; several groups are
/// overlaid with transparency.
public struct Histogram: Chart {
    /// Groups of values (one is typical); non-finite values are ignored.
    public var groups: [(label: String, values: [Double])]
    /// Number of bins; `nil`: numpy's `"auto"` rule (the larger of Sturges and
    /// Freedman–Diaconis), limited to 5…60.
    public var bins: Int?
    /// Title drawn above the plot area (or the figure).
    public var title: String?
    /// x-axis title, with units in parentheses (e.g. `time (s)`).
    public var xLabel: String?
    /// y-axis title, with units in parentheses (e.g. `frequency (Hz)`).
    public var yLabel: String?

    public init(
        groups: [(label: String, values: [Double])], bins: Int? = nil, title: String? = nil, xLabel: String? = nil,
        yLabel: String? = "count"
    ) {
        self.groups = groups
        self.bins = bins
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Bin edges (`count + 1` of them) and counts per group.
    public func binned() -> (edges: [Double], counts: [[Int]]) {
        let all = groups.flatMap(\.values).filter(\.isFinite)
        guard let lo = all.min(), let hi = all.max() else { return ([0, 1], groups.map { _ in [0] }) }
        let n = bins ?? Self.autoBins(all)
        let (low, high) = hi > lo ? (lo, hi) : (lo - 0.5, hi + 0.5)
        let width = (high - low) / Double(n)
        let edges = (0...n).map { low + Double($0) * width }
        let counts = groups.map { group in
            var c = [Int](repeating: 0, count: n)
            for v in group.values where v.isFinite {
                c[min(n - 1, max(0, Int((v - low) / width)))] += 1
            }
            return c
        }
        return (edges, counts)
    }

    /// numpy's `"auto"` bin count, limited to 5…60.
    static func autoBins(_ values: [Double]) -> Int {
        let n = Double(values.count)
        guard n > 1, let lo = values.min(), let hi = values.max(), hi > lo else { return 5 }
        let sturges = Int(ceil(log2(n) + 1))
        let sorted = values.sorted()
        let iqr = BoxStatistics.quantile(sorted, 0.75) - BoxStatistics.quantile(sorted, 0.25)
        let fd = iqr > 0 ? Int(ceil((hi - lo) / (2 * iqr / pow(n, 1.0 / 3.0)))) : sturges
        return min(60, max(5, max(sturges, fd)))
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme) {
        let (edges, counts) = binned()
        let top = Double(counts.flatMap { $0 }.max() ?? 1) * 1.05
        let xRange = (edges.first ?? 0)...(edges.last ?? 1)
        let area = PlotArea(
            in: rect, x: .linear(NiceScale.paddedRange([xRange.lowerBound, xRange.upperBound], margin: 0.02), label: xLabel),
            y: .linear(0...max(top, 1), label: yLabel, integerTicks: true), title: title, canvas: canvas, theme: theme)
        area.drawBackground(on: canvas)
        let alpha = groups.count > 1 ? 0.55 : 1
        var occupied: [Point] = []
        for (g, groupCounts) in counts.enumerated() {
            let color = Color.series(g).withAlpha(alpha)
            for (i, count) in groupCounts.enumerated() where count > 0 {
                let x0 = area.px(edges[i]), x1 = area.px(edges[i + 1])
                let y0 = area.py(Double(count))
                let bar = Rect(x: x0, y: y0, width: x1 - x0, height: area.frame.maxY - y0)
                canvas.fill(bar, color)
                canvas.stroke(bar, Color.white, lineWidth: 0.6)
                occupied.append(Point(x: bar.midX, y: bar.minY))
            }
        }
        area.drawAxes(on: canvas)
        if groups.count > 1 {
            let entries = groups.enumerated().map {
                Legend.Entry(label: $1.label, color: Color.series($0).withAlpha(alpha), swatch: .patch)
            }
            Legend(entries: entries).draw(on: canvas, in: area.frame, avoiding: occupied, theme: theme)
        }
    }
}
