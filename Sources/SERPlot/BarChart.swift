import Foundation

/// Vertical bars per category; with several series the bars are grouped side by side (e.g.
/// F1 per emotion across runs) and a legend names the series.
public struct BarChart: Chart {
    /// Category names along x.
    public var categories: [String]
    /// The data series, drawn in order (tab10 colours unless a series sets its own).
    public var series: [BarSeries]
    /// Title drawn above the plot area (or the figure).
    public var title: String?
    /// x-axis title, with units in parentheses (e.g. `time (s)`).
    public var xLabel: String?
    /// y-axis title, with units in parentheses (e.g. `frequency (Hz)`).
    public var yLabel: String?
    /// Fixed y range; `nil`: from 0 to the largest value plus 5 %.
    public var yRange: ClosedRange<Double>?
    /// One colour per category (seaborn `countplot` style) when there is a single series.
    public var colorByCategory: Bool
    /// With `colorByCategory`: the colour of each category (default: tab10 in order).
    public var categoryColors: [Color]?
    /// Writes each bar's value above it (`valueFormat` is a `String(format:)` pattern).
    public var valueLabels: Bool
    /// `String(format:)` pattern of the value labels (e.g. `%.2f`).
    public var valueFormat: String

    public init(
        categories: [String], series: [BarSeries], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
        yRange: ClosedRange<Double>? = nil, colorByCategory: Bool = false, categoryColors: [Color]? = nil, valueLabels: Bool = false,
        valueFormat: String = "%.2f"
    ) {
        self.categoryColors = categoryColors
        self.categories = categories
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yRange = yRange
        self.colorByCategory = colorByCategory
        self.valueLabels = valueLabels
        self.valueFormat = valueFormat
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme) {
        let values = series.flatMap(\.values).filter(\.isFinite)
        let top = (values.max() ?? 1) * (valueLabels ? 1.12 : 1.05)
        let range = yRange ?? (min(0, values.min() ?? 0)...max(top, 1e-9))
        var y = Axis.linear(range, label: yLabel)
        y.grid = true
        var area = PlotArea(in: rect, x: .categorical(categories, label: xLabel), y: y, title: title, canvas: canvas, theme: theme)
        let groupWidth = 0.8
        let barWidth = groupWidth / Double(max(1, series.count))
        // The legend (several series) goes into a corner no bar (or value label) reaches, else
        // above the plot, in as many columns as fit.
        let legend =
            series.count > 1
            ? Legend(
                entries: series.enumerated().map { i, s in Legend.Entry(label: s.label, color: s.color ?? Color.series(i), swatch: .patch) }
            )
            : nil
        var legendBox: Rect?
        var legendColumns = 1
        if let legend {
            var tops: [Point] = []
            for item in series.indices {
                for (c, value) in series[item].values.enumerated() where c < categories.count && value.isFinite {
                    let left = Double(c) - groupWidth / 2 + Double(item) * barWidth
                    let yv = area.py(min(max(value, range.lowerBound), range.upperBound)) - (valueLabels ? theme.tickFontSize + 2 : 0)
                    let baseY = area.py(max(range.lowerBound, min(0, range.upperBound)))
                    for x in stride(from: area.px(left), through: area.px(left + barWidth), by: 3) {
                        tops += stride(from: min(yv, baseY), through: max(yv, baseY), by: 6).map { Point(x: x, y: $0) }
                    }
                }
            }
            legendBox = legend.freeCorner(on: canvas, in: area.frame, avoiding: tops, theme: theme)
            if legendBox == nil {
                legendColumns = legend.entries.count
                while legendColumns > 1
                    && legend.size(on: canvas, theme: theme, columns: legendColumns).width > rect.width - 2 * theme.padding
                {
                    legendColumns -= 1
                }
                let size = legend.size(on: canvas, theme: theme, columns: legendColumns)
                area = PlotArea(
                    in: rect, x: .categorical(categories, label: xLabel), y: y, title: title, canvas: canvas, theme: theme,
                    topMargin: size.height + 6)
                legendBox = Rect(
                    x: max(rect.minX + theme.padding, area.frame.midX - size.width / 2),
                    y: area.frame.minY - size.height - 4 - canvas.measure("0", size: theme.tickFontSize).height / 2, width: size.width,
                    height: size.height)
            }
        }
        area.drawBackground(on: canvas)
        let baseline = area.py(max(range.lowerBound, min(0, range.upperBound)))
        for (s, item) in series.enumerated() {
            for (c, value) in item.values.enumerated() where c < categories.count && value.isFinite {
                let left = Double(c) - groupWidth / 2 + Double(s) * barWidth
                let x0 = area.px(left), x1 = area.px(left + barWidth)
                let yv = area.py(min(max(value, range.lowerBound), range.upperBound))
                let color =
                    colorByCategory && series.count == 1
                    ? (categoryColors.flatMap { c < $0.count ? $0[c] : nil } ?? Color.series(c)) : (item.color ?? Color.series(s))
                let bar = Rect(x: x0 + 0.5, y: min(yv, baseline), width: max(0.5, x1 - x0 - 1), height: abs(baseline - yv))
                canvas.fill(bar, color)
                if valueLabels {
                    let size =
                        barWidth * area.frame.width / Double(max(1, categories.count)) < 28
                        ? theme.tickFontSize - 2.5 : theme.tickFontSize - 1
                    canvas.text(
                        String(format: valueFormat, value), at: Point(x: bar.midX, y: bar.minY - 2), size: size,
                        color: theme.text, anchor: TextAnchor(.center, .bottom))
                }
            }
        }
        area.drawAxes(on: canvas)
        if let legend, let legendBox {
            legend.draw(on: canvas, box: legendBox, theme: theme, columns: legendColumns)
        }
    }
}
