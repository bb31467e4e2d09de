import Foundation

/// Scores against one hyperparameter: each trial's validation score as a filled dot and its
/// test score as a hollow grey ring (reported, not chosen on), the x axis a
/// ``ParameterAxis`` (ticks at the swept values, log scale for learning-rate-like spans,
/// categories in order). Points sharing an x are spread sideways a little so none hides
/// another.
public struct ScoreScatter: Chart {
    /// The hyperparameter along x.
    public var parameter: ParameterAxis
    /// One validation score per trial (NaN: none).
    public var validation: [Double]
    /// One test score per trial (NaN: none).
    public var test: [Double]
    /// y-axis title.
    public var yLabel: String
    /// Title drawn above the plot area.
    public var title: String?
    /// Fixed y range; `nil` fits the scores.
    public var yRange: ClosedRange<Double>?

    public init(
        parameter: ParameterAxis, validation: [Double], test: [Double], yLabel: String, title: String? = nil,
        yRange: ClosedRange<Double>? = nil
    ) {
        self.parameter = parameter
        self.validation = validation
        self.test = test
        self.yLabel = yLabel
        self.title = title
        self.yRange = yRange
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme) {
        let ticks = parameter.ticks()
        let scores = (validation + test).filter(\.isFinite)
        var y = Axis.linear(yRange ?? NiceScale.paddedRange(scores, margin: 0.1), label: yLabel, tickCount: 5)
        y.grid = true
        // x in axis fractions 0…1, ticks at the values present.
        var x = Axis(label: parameter.label, lower: 0, upper: 1, ticks: ticks.map(\.fraction), tickLabels: ticks.map(\.label))
        x.grid = false
        let area = PlotArea(in: rect, x: x, y: y, title: title, canvas: canvas, theme: theme)
        area.drawBackground(on: canvas)
        let valColor = Color.series(0), testColor = Color(hex: 0x7F7F7F)
        var seen: [Double: Int] = [:]
        for t in parameter.values.indices {
            guard let f = parameter.fraction(parameter.values[t]) else { continue }
            let k = seen[f, default: 0]
            seen[f] = k + 1
            // Alternate sides: 0, +1, −1, +2, … × 4 points.
            let offset = Double((k + 1) / 2) * (k % 2 == 1 ? 1 : -1) * 4
            let px = area.px(f) + offset
            if t < test.count, test[t].isFinite {
                canvas.circle(center: Point(x: px, y: area.py(test[t])), radius: 3.4, fill: nil, stroke: testColor, lineWidth: 1.2)
            }
            if t < validation.count, validation[t].isFinite {
                canvas.circle(center: Point(x: px, y: area.py(validation[t])), radius: 3.4, fill: valColor.withAlpha(0.85))
            }
        }
        area.drawAxes(on: canvas)
    }
}
