public import SERCore

/// A matrix drawn as coloured cells with a colourbar: confusion matrices (class names on both
/// axes, counts written in the cells) and spectrogram-like images (numeric time and
/// frequency axes).
///
/// `matrix` rows run along y and columns along x: a confusion matrix is `[true, predicted]`;
/// a spectrogram is `[frequency bins, frames]` (transpose a `[frames, dims]` feature tensor).
public struct Heatmap: Chart {
    /// The values, `[rows, columns]`, row-major.
    public var matrix: Matrix
    /// Category names of the rows (y axis); `nil` for a numeric axis.
    public var rowLabels: [String]?
    /// Category names of the columns (x axis); `nil` for a numeric axis.
    public var columnLabels: [String]?
    /// Data range the columns cover (e.g. `0...3.2` seconds) when `columnLabels` is `nil`.
    public var xExtent: ClosedRange<Double>?
    /// Data range the rows cover (e.g. `0...11025` Hz) when `rowLabels` is `nil`.
    public var yExtent: ClosedRange<Double>?
    /// The colour map values are drawn with.
    public var colorMap: ColorMap
    /// Values mapped to the ends of the colour map; `nil`: the matrix's finite min…max.
    public var valueRange: ClosedRange<Double>?
    /// Text per cell, row-major (`rows * columns`); may contain `\n` for two lines.
    public var annotations: [String]?
    /// Whether a colourbar is drawn to the right.
    public var showColorbar: Bool
    /// Title of the colourbar, with units (e.g. `dB`).
    public var colorbarLabel: String?
    /// Title drawn above the plot area (or the figure).
    public var title: String?
    /// x-axis title, with units in parentheses (e.g. `time (s)`).
    public var xLabel: String?
    /// y-axis title, with units in parentheses (e.g. `frequency (Hz)`).
    public var yLabel: String?
    /// Row 0 at the bottom (images, spectrograms) instead of the top (tables, confusion).
    public var originLower: Bool
    /// Ticks of the y axis at data positions (row `i` spans `i-0.5…i+0.5` when `yExtent` is
    /// `-0.5…rows-0.5`) with their labels, replacing the automatic ones: e.g. mel bands
    /// labelled by their centre frequency in Hz (see ``MelScale``).
    public var yTicks: (positions: [Double], labels: [String])?

    public init(
        matrix: Matrix, rowLabels: [String]? = nil, columnLabels: [String]? = nil, xExtent: ClosedRange<Double>? = nil,
        yExtent: ClosedRange<Double>? = nil, colorMap: ColorMap = .viridis, valueRange: ClosedRange<Double>? = nil,
        annotations: [String]? = nil, showColorbar: Bool = true, colorbarLabel: String? = nil, title: String? = nil,
        xLabel: String? = nil, yLabel: String? = nil, originLower: Bool = false
    ) {
        self.matrix = matrix
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.xExtent = xExtent
        self.yExtent = yExtent
        self.colorMap = colorMap
        self.valueRange = valueRange
        self.annotations = annotations
        self.showColorbar = showColorbar
        self.colorbarLabel = colorbarLabel
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.originLower = originLower
        self.yTicks = nil
    }

    /// The values at the two ends of the colour map.
    public var resolvedRange: ClosedRange<Double> {
        if let valueRange { return valueRange }
        let finite = matrix.values.lazy.map(Double.init).filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return 0...1 }
        return hi > lo ? lo...hi : lo...(lo + 1)
    }

    func axis(labels: [String]?, extent: ClosedRange<Double>?, count: Int, label: String?, inverted: Bool) -> Axis {
        if let labels, labels.count == count { return .categorical(labels, label: label, inverted: inverted) }
        var axis = Axis.linear(extent ?? 0...Double(max(1, count)), label: label)
        axis.grid = false
        axis.inverted = inverted
        return axis
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme) {
        let rows = matrix.rows, columns = matrix.columns
        let range = resolvedRange
        let colorbar = Colorbar(colorMap: colorMap, range: range, label: colorbarLabel)
        let x = axis(labels: columnLabels, extent: xExtent, count: columns, label: xLabel, inverted: false)
        var y = axis(labels: rowLabels, extent: yExtent, count: rows, label: yLabel, inverted: !originLower)
        if let yTicks, yTicks.positions.count == yTicks.labels.count {
            y.ticks = yTicks.positions
            y.tickLabels = yTicks.labels
        }
        let rightMargin = showColorbar ? colorbar.width(canvas: canvas, theme: theme) : 0
        var area = PlotArea(in: rect, x: x, y: y, title: title, canvas: canvas, theme: theme, rightMargin: rightMargin)
        if yTicks != nil {
            // Given ticks (e.g. frequencies) may crowd in a short panel: keep, from the top
            // down, only those at least a label's height apart.
            let minimum = canvas.measure("0", size: theme.tickFontSize).height * 1.1
            var kept: [Int] = []
            for i in y.ticks.indices.reversed() where kept.last.map({ abs(area.py(y.ticks[$0]) - area.py(y.ticks[i])) >= minimum }) ?? true
            {
                kept.append(i)
            }
            if kept.count < y.ticks.count {
                kept.reverse()
                y.ticks = kept.map { y.ticks[$0] }
                y.tickLabels = kept.map { y.tickLabels[$0] }
                area = PlotArea(in: rect, x: x, y: y, title: title, canvas: canvas, theme: theme, rightMargin: rightMargin)
            }
        }
        let frame = area.frame
        canvas.fill(frame, colorMap.color(0))
        let span = range.upperBound - range.lowerBound
        func unit(_ v: Float) -> Double { span == 0 ? 0.5 : (Double(v) - range.lowerBound) / span }
        func cell(_ r: Int, _ c: Int) -> Rect {
            let x0 = frame.minX + Double(c) / Double(columns) * frame.width
            let x1 = frame.minX + Double(c + 1) / Double(columns) * frame.width
            let top = originLower ? Double(rows - r - 1) : Double(r)
            let y0 = frame.minY + top / Double(rows) * frame.height
            let y1 = frame.minY + (top + 1) / Double(rows) * frame.height
            return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        }
        if rows > 0, columns > 0 {
            // Cells as rectangles when they carry text (crisp in SVG), else one raster image.
            if annotations != nil && rows * columns <= 2500 || rows * columns <= 100 {
                for r in 0..<rows {
                    for c in 0..<columns {
                        let rectangle = cell(r, c)
                        // A hair of overlap hides anti-aliasing seams between cells.
                        canvas.fill(
                            rectangle.inset(top: -0.25, left: -0.25, bottom: -0.25, right: -0.25), colorMap.color(unit(matrix[r, c])))
                    }
                }
            } else {
                var pixels = [UInt32](repeating: 0, count: rows * columns)
                for r in 0..<rows {
                    let imageRow = originLower ? rows - 1 - r : r
                    for c in 0..<columns { pixels[imageRow * columns + c] = colorMap.argb(unit(matrix[r, c])) }
                }
                // Nearest-neighbour when enlarging (as matplotlib's imshow), smoothing when shrinking.
                canvas.image(
                    pixels: pixels, columns: columns, rows: rows, in: frame,
                    smooth: Double(columns) > frame.width || Double(rows) > frame.height)
            }
        }
        if let annotations, annotations.count == rows * columns, rows > 0, columns > 0 {
            drawAnnotations(annotations, on: canvas, cell: cell, unit: unit, theme: theme)
        }
        area.drawAxes(on: canvas, spines: false)
        if showColorbar { colorbar.draw(on: canvas, beside: frame, theme: theme) }
    }

    private func drawAnnotations(
        _ annotations: [String], on canvas: Canvas, cell: (Int, Int) -> Rect, unit: (Float) -> Double, theme: Theme
    ) {
        let sample = cell(0, 0)
        let lines = annotations.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let maxLines = Double(lines.map(\.count).max() ?? 1)
        let widest = lines.flatMap { $0 }.map { canvas.measure($0, size: 10).width }.max() ?? 1
        let size = min(11, (sample.height - 4) / (maxLines * 1.25), 10 * (sample.width - 6) / max(widest, 1))
        guard size >= 5 else { return }
        for r in 0..<matrix.rows {
            for c in 0..<matrix.columns {
                let text = lines[r * matrix.columns + c]
                let box = cell(r, c)
                let color = colorMap.color(unit(matrix[r, c])).luminance < 0.45 ? Color.white : Color(hex: 0x1A1A1A)
                let lineHeight = size * 1.25
                let first = box.midY - lineHeight * Double(text.count - 1) / 2
                for (i, line) in text.enumerated() {
                    canvas.text(
                        line, at: Point(x: box.midX, y: first + Double(i) * lineHeight), size: i == 0 ? size : size * 0.85,
                        color: i == 0 ? color : color.withAlpha(0.85), anchor: .center, bold: i == 0)
                }
            }
        }
    }
}
