import Foundation

/// Parallel coordinates: one vertical axis per hyperparameter (then the scores), one line per
/// trial through its values, coloured by a score (with a colourbar), the best trial drawn
/// thickest and last. Axes marked ``ParameterAxis/reportOnly`` (the test score) are grey and
/// dashed, and the line segments into them dotted: they are shown, not chosen on.
public struct ParallelCoordinates: Chart {
    public var axes: [ParameterAxis]
    /// The value each trial's line is coloured by (e.g. validation accuracy); NaN: grey.
    public var colorValues: [Double]
    /// Title of the colourbar.
    public var colorLabel: String
    /// The trial drawn highlighted (thick, last), if any.
    public var highlighted: Int?
    public var colorMap: ColorMap
    /// Title drawn above the plot area (or the figure).
    public var title: String?

    public init(
        axes: [ParameterAxis], colorValues: [Double], colorLabel: String, highlighted: Int? = nil, colorMap: ColorMap = .viridis,
        title: String? = nil
    ) {
        self.axes = axes
        self.colorValues = colorValues
        self.colorLabel = colorLabel
        self.highlighted = highlighted
        self.colorMap = colorMap
        self.title = title
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme) {
        guard !axes.isEmpty else { return }
        let finite = colorValues.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        let colorRange = hi > lo ? lo...hi : (lo - 0.01)...(hi + 0.01)
        let colorbar = Colorbar(colorMap: colorMap, range: colorRange, label: colorLabel)
        let pad = theme.padding
        let tickSize = theme.tickFontSize - 1
        // Axis titles above each axis (up to two lines), tick labels left of each axis.
        let titleHeight = title == nil ? 0 : canvas.measure("Ag", size: theme.titleFontSize, bold: true).height + 8
        let labelLine = canvas.measure("Ag", size: theme.labelFontSize).height
        let firstTickWidth = axes[0].ticks().map { canvas.measure($0.label, size: tickSize).width }.max() ?? 0
        let frame = rect.inset(
            top: pad + titleHeight + 2 * labelLine + 8, left: pad + firstTickWidth + 10, bottom: pad + 6,
            right: pad + colorbar.width(canvas: canvas, theme: theme) + 4)
        let spacing = axes.count > 1 ? frame.width / Double(axes.count - 1) : 0
        func x(_ i: Int) -> Double { axes.count > 1 ? frame.minX + Double(i) * spacing : frame.midX }
        func y(_ f: Double) -> Double { frame.maxY - f * frame.height }
        // Lines, worst first so the best lie on top.
        let trials = axes.map(\.values.count).max() ?? 0
        let order = (0..<trials).sorted { a, b in
            if a == highlighted { return false }
            if b == highlighted { return true }
            let va = a < colorValues.count ? colorValues[a] : .nan, vb = b < colorValues.count ? colorValues[b] : .nan
            return (va.isFinite ? va : -.infinity) < (vb.isFinite ? vb : -.infinity)
        }
        let span = colorRange.upperBound - colorRange.lowerBound
        for t in order {
            let value = t < colorValues.count ? colorValues[t] : .nan
            let color = value.isFinite ? colorMap.color((value - colorRange.lowerBound) / span) : Color(hex: 0xAAAAAA)
            let width = t == highlighted ? theme.lineWidth * 2 : theme.lineWidth * 0.8
            var points: [Point?] = axes.enumerated().map { i, axis in
                axis.fraction(t < axis.values.count ? axis.values[t] : nil).map { Point(x: x(i), y: y($0)) }
            }
            for i in 0..<max(0, points.count - 1) {
                guard let a = points[i], let b = points[i + 1] else { continue }
                let dotted = axes[i + 1].reportOnly
                canvas.line(from: a, to: b, color.withAlpha(t == highlighted ? 1 : 0.8), lineWidth: width, dash: dotted ? [2, 2.5] : [])
            }
            canvas.recordDataLine(points.map { $0 ?? Point(x: .nan, y: .nan) })
            for case let p? in points { canvas.circle(center: p, radius: t == highlighted ? 3 : 2, fill: color) }
            points.removeAll()
        }
        // Axes, ticks and titles on top.
        for (i, axis) in axes.enumerated() {
            let ax = x(i)
            let axisColor = axis.reportOnly ? Color(hex: 0x8C8C8C) : theme.axis
            canvas.line(
                from: Point(x: ax, y: frame.minY), to: Point(x: ax, y: frame.maxY), axisColor, lineWidth: theme.axisWidth * 1.2,
                dash: axis.reportOnly ? [4, 3] : [])
            for tick in axis.ticks() {
                let ty = y(tick.fraction)
                canvas.line(from: Point(x: ax - 3, y: ty), to: Point(x: ax, y: ty), axisColor, lineWidth: theme.axisWidth)
                let point = Point(x: ax - 5, y: ty)
                // A light halo so that labels read over the lines.
                let box = canvas.textBox(tick.label, at: point, size: tickSize, anchor: .rightMiddle)
                canvas.fill(box.inset(top: -1.5, left: -2, bottom: -1.5, right: -1), Color.white.withAlpha(0.8))
                canvas.text(
                    tick.label, at: point, size: tickSize, color: axis.reportOnly ? axisColor : theme.text, anchor: .rightMiddle)
            }
            // The title above the axis, on two lines when it is wider than the spacing allows.
            let room = max(40, axes.count > 1 ? spacing - 6 : frame.width)
            let words = axis.label.split(separator: " ").map(String.init)
            var lines = [axis.label]
            if canvas.measure(axis.label, size: theme.labelFontSize).width > room, words.count > 1 {
                let cut = (words.count + 1) / 2
                lines = [words[..<cut].joined(separator: " "), words[cut...].joined(separator: " ")]
            }
            for (l, line) in lines.enumerated() {
                let size = canvas.fittingSize(line, size: theme.labelFontSize, width: room)
                let ly = frame.minY - 6 - Double(lines.count - 1 - l) * labelLine
                // Keep the first and last titles inside the panel.
                let width = canvas.measure(line, size: size).width
                let cx = min(max(ax, rect.minX + pad + width / 2), frame.maxX + colorbar.width(canvas: canvas, theme: theme) - width / 2)
                canvas.text(
                    line, at: Point(x: cx, y: ly), size: size, color: axis.reportOnly ? axisColor : theme.text,
                    anchor: TextAnchor(.center, .bottom))
            }
        }
        if let title {
            canvas.text(
                title, at: Point(x: rect.midX, y: rect.minY + pad),
                size: canvas.fittingSize(title, size: theme.titleFontSize, width: rect.width - 2 * pad, bold: true),
                color: theme.text, anchor: .topCenter, bold: true)
        }
        colorbar.draw(on: canvas, beside: frame, theme: theme)
    }
}
