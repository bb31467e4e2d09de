/// A laid-out panel: the outer rectangle, the inner data frame, and its two axes. Maps data
/// values to canvas points and draws the frame, grid, ticks, labels and title.
public struct PlotArea {
    /// The data rectangle (inside the spines), in points.
    public let frame: Rect
    /// Horizontal coordinate (points; for a plot area: the x axis).
    public let x: Axis
    /// Vertical coordinate (points, growing downwards; for a plot area: the y axis).
    public let y: Axis
    /// Title drawn above the plot area (or the figure).
    public let title: String?
    /// Room kept between the title and the plot (e.g. for a legend), points.
    let topMargin: Double
    /// Whether x tick labels are drawn rotated by 45° (long category names).
    let rotateXLabels: Bool
    let theme: Theme
    /// The whole panel, which no text may leave.
    let bounds: Rect

    /// Lays out a panel in `rect`: leaves room for the title, the tick labels and the axis
    /// titles, and `rightMargin` points on the right (for a colourbar).
    public init(
        in rect: Rect, x: Axis, y: Axis, title: String?, canvas: Canvas, theme: Theme, rightMargin: Double = 0, topMargin: Double = 0
    ) {
        let pad = theme.padding
        let tickText = canvas.measure("0", size: theme.tickFontSize).height
        let labelText = canvas.measure("Ag", size: theme.labelFontSize).height
        let titleHeight = title == nil ? 0 : canvas.measure("Ag", size: theme.titleFontSize, bold: true).height + 8
        let yLabelWidth = y.tickLabels.map { canvas.measure($0, size: theme.tickFontSize).width }.max() ?? 0
        let left = pad + (y.label == nil ? 0 : labelText + 6) + yLabelWidth + theme.tickLength + 4
        // Rotate x labels when they would collide at their spacing.
        let xWidths = x.tickLabels.map { canvas.measure($0, size: theme.tickFontSize).width }
        let provisionalWidth = rect.width - left - pad - rightMargin
        let spacing = x.ticks.count > 1 ? provisionalWidth / Double(max(1, x.ticks.count)) : provisionalWidth
        let rotate = (xWidths.max() ?? 0) > spacing * 0.92
        let xLabelHeight = rotate ? (xWidths.max() ?? 0) * 0.7071 + tickText * 0.7071 : tickText
        let bottom = pad + (x.label == nil ? 0 : labelText + 6) + xLabelHeight + theme.tickLength + 4
        let top = pad + titleHeight + topMargin + (y.tickLabels.isEmpty ? 0 : tickText / 2)
        let right = pad + rightMargin + (rotate ? 0 : (xWidths.last ?? 0) / 2)
        self.frame = rect.inset(top: top, left: left, bottom: bottom, right: right)
        self.x = x
        self.y = y
        self.title = title
        self.rotateXLabels = rotate
        self.theme = theme
        self.bounds = rect
        self.topMargin = topMargin
    }

    /// The canvas point of data `(x, y)`.
    public func point(_ xValue: Double, _ yValue: Double) -> Point {
        Point(x: frame.minX + x.fraction(xValue) * frame.width, y: frame.maxY - y.fraction(yValue) * frame.height)
    }

    /// The canvas x of a data x value.
    public func px(_ value: Double) -> Double { frame.minX + x.fraction(value) * frame.width }
    /// The canvas y of a data y value.
    public func py(_ value: Double) -> Double { frame.maxY - y.fraction(value) * frame.height }

    /// Background and grid: draw before the data.
    public func drawBackground(on canvas: Canvas) {
        canvas.fill(frame, theme.plotBackground)
        if x.grid {
            for t in x.ticks {
                canvas.line(
                    from: Point(x: px(t), y: frame.minY), to: Point(x: px(t), y: frame.maxY), theme.grid, lineWidth: theme.gridWidth)
            }
        }
        if y.grid {
            for t in y.ticks {
                canvas.line(
                    from: Point(x: frame.minX, y: py(t)), to: Point(x: frame.maxX, y: py(t)), theme.grid, lineWidth: theme.gridWidth)
            }
        }
    }

    /// Spines, ticks, tick labels, axis titles and the panel title: draw after the data.
    public func drawAxes(on canvas: Canvas, spines: Bool = true) {
        let t = theme
        if spines {
            canvas.line(from: Point(x: frame.minX, y: frame.maxY), to: Point(x: frame.maxX, y: frame.maxY), t.axis, lineWidth: t.axisWidth)
            canvas.line(from: Point(x: frame.minX, y: frame.minY), to: Point(x: frame.minX, y: frame.maxY), t.axis, lineWidth: t.axisWidth)
        }
        for (value, label) in zip(x.ticks, x.tickLabels) {
            let cx = px(value)
            canvas.line(from: Point(x: cx, y: frame.maxY), to: Point(x: cx, y: frame.maxY + t.tickLength), t.axis, lineWidth: t.axisWidth)
            if rotateXLabels {
                canvas.text(
                    label, at: Point(x: cx + 3, y: frame.maxY + t.tickLength + 3), size: t.tickFontSize, color: t.text,
                    anchor: TextAnchor(.right, .top), rotation: 45)
            } else {
                canvas.text(
                    label, at: Point(x: cx, y: frame.maxY + t.tickLength + 3), size: t.tickFontSize, color: t.text, anchor: .topCenter)
            }
        }
        var yLabelWidth = 0.0
        for (value, label) in zip(y.ticks, y.tickLabels) {
            let cy = py(value)
            canvas.line(from: Point(x: frame.minX - t.tickLength, y: cy), to: Point(x: frame.minX, y: cy), t.axis, lineWidth: t.axisWidth)
            canvas.text(
                label, at: Point(x: frame.minX - t.tickLength - 3, y: cy), size: t.tickFontSize, color: t.text, anchor: .rightMiddle)
            yLabelWidth = max(yLabelWidth, canvas.measure(label, size: t.tickFontSize).width)
        }
        if let label = x.label {
            let tickText = canvas.measure("0", size: t.tickFontSize).height
            let widest = x.tickLabels.map { canvas.measure($0, size: t.tickFontSize).width }.max() ?? 0
            let below = rotateXLabels ? widest * 0.7071 + tickText * 0.7071 : tickText
            canvas.text(
                label, at: Point(x: frame.midX, y: frame.maxY + t.tickLength + 3 + below + 6),
                size: canvas.fittingSize(label, size: t.labelFontSize, width: frame.width), color: t.text, anchor: .topCenter)
        }
        if let label = y.label {
            canvas.text(
                label, at: Point(x: frame.minX - t.tickLength - 3 - yLabelWidth - 6, y: frame.midY),
                size: canvas.fittingSize(label, size: t.labelFontSize, width: frame.height), color: t.text,
                anchor: TextAnchor(.center, .bottom), rotation: 90)
        }
        if let title {
            let tickText = y.tickLabels.isEmpty ? 0 : canvas.measure("0", size: t.tickFontSize).height / 2
            // Centred on the plot area, shrunk if it would leave the panel on either side.
            let room = 2 * min(frame.midX - bounds.minX, bounds.maxX - frame.midX) - 4
            canvas.text(
                title, at: Point(x: frame.midX, y: frame.minY - tickText - 6 - topMargin),
                size: canvas.fittingSize(title, size: t.titleFontSize, width: room, bold: true), color: t.text,
                anchor: TextAnchor(.center, .bottom), bold: true)
        }
    }
}
