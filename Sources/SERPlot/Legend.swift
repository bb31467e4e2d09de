/// A legend box: one row per entry with a swatch and a label, placed in the corner of the
/// plot area that hides the fewest data points (matplotlib's `loc="best"`, simplified).
public struct Legend: Sendable {
    /// What an entry's swatch looks like.
    public enum Swatch: Sendable, Equatable {
        /// A short line, solid or dashed (on/off pattern in points).
        case line(dash: [Double])
        /// A filled square (bars, histograms, boxes).
        case patch
    }

    /// One row of the legend.
    public struct Entry: Sendable {
        /// Text shown for this item (legend entry, colourbar title).
        public var label: String
        /// Fill or line colour.
        public var color: Color
        /// How the entry's sample is drawn.
        public var swatch: Swatch

        public init(label: String, color: Color, swatch: Swatch) {
            self.label = label
            self.color = color
            self.swatch = swatch
        }
    }

    /// The rows, top to bottom.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Width and height of the legend box (points), laid out in `columns` columns.
    public func size(on canvas: Canvas, theme: Theme, columns: Int = 1) -> (width: Double, height: Double) {
        let metrics = self.metrics(on: canvas, theme: theme)
        let perColumn = (entries.count + max(1, columns) - 1) / max(1, columns)
        return (Double(max(1, columns)) * metrics.columnWidth + 8, 6 + Double(perColumn) * metrics.rowHeight + 4)
    }

    private func metrics(on canvas: Canvas, theme: Theme) -> (rowHeight: Double, columnWidth: Double) {
        let size = theme.tickFontSize
        let rowHeight = canvas.measure("Ag", size: size).height + 3
        let labelWidth = entries.map { canvas.measure($0.label, size: size).width }.max() ?? 0
        return (rowHeight, 8 + Self.swatchWidth(theme) + 6 + labelWidth)
    }

    /// The swatch's length: 22 points at 10-point text, in proportion otherwise.
    static func swatchWidth(_ theme: Theme) -> Double { 2.2 * theme.tickFontSize }

    /// The corner box of `frame` that covers none of `occupied` (points and segments in canvas
    /// coordinates), or `nil` when every candidate would cover data.
    public func freeCorner(on canvas: Canvas, in frame: Rect, avoiding occupied: [Point], segments: [[Point]] = [], theme: Theme) -> Rect? {
        guard !entries.isEmpty else { return nil }
        let (boxWidth, boxHeight) = size(on: canvas, theme: theme)
        let inset = 6.0
        guard boxWidth + 2 * inset <= frame.width, boxHeight + 2 * inset <= frame.height else { return nil }
        let corners = [
            Rect(x: frame.maxX - boxWidth - inset, y: frame.minY + inset, width: boxWidth, height: boxHeight),
            Rect(x: frame.minX + inset, y: frame.minY + inset, width: boxWidth, height: boxHeight),
            Rect(x: frame.minX + inset, y: frame.maxY - boxHeight - inset, width: boxWidth, height: boxHeight),
            Rect(x: frame.maxX - boxWidth - inset, y: frame.maxY - boxHeight - inset, width: boxWidth, height: boxHeight),
            Rect(x: frame.midX - boxWidth / 2, y: frame.minY + inset, width: boxWidth, height: boxHeight),
        ]
        let segmentBoxes = segments.flatMap(FigureLayout.segments)
        return corners.first { corner in
            let grown = corner.inset(top: -3, left: -3, bottom: -3, right: -3)
            return !occupied.contains(where: grown.contains) && !segmentBoxes.contains(where: grown.intersects)
        }
    }

    /// Draws the legend inside `frame`, avoiding `occupied` points (canvas coordinates) as
    /// well as it can (the corner hiding the fewest of them).
    public func draw(on canvas: Canvas, in frame: Rect, avoiding occupied: [Point], theme: Theme) {
        guard !entries.isEmpty else { return }
        let (boxWidth, boxHeight) = size(on: canvas, theme: theme)
        let inset = 6.0
        let corners = [
            Rect(x: frame.maxX - boxWidth - inset, y: frame.minY + inset, width: boxWidth, height: boxHeight),
            Rect(x: frame.minX + inset, y: frame.minY + inset, width: boxWidth, height: boxHeight),
            Rect(x: frame.minX + inset, y: frame.maxY - boxHeight - inset, width: boxWidth, height: boxHeight),
            Rect(x: frame.maxX - boxWidth - inset, y: frame.maxY - boxHeight - inset, width: boxWidth, height: boxHeight),
            Rect(x: frame.midX - boxWidth / 2, y: frame.minY + inset, width: boxWidth, height: boxHeight),
        ]
        func hidden(_ r: Rect) -> Int {
            occupied.reduce(0) { $0 + (r.inset(top: -3, left: -3, bottom: -3, right: -3).contains($1) ? 1 : 0) }
        }
        draw(on: canvas, box: corners.min { hidden($0) < hidden($1) } ?? corners[0], theme: theme)
    }

    /// Draws the legend in `box` (from ``size(on:theme:columns:)``), entries filling
    /// `columns` columns top to bottom.
    public func draw(on canvas: Canvas, box: Rect, theme: Theme, columns: Int = 1) {
        guard !entries.isEmpty else { return }
        let size = theme.tickFontSize
        let (rowHeight, columnWidth) = metrics(on: canvas, theme: theme)
        let perColumn = (entries.count + max(1, columns) - 1) / max(1, columns)
        canvas.recordLegend(box)
        canvas.fill(box, Color.white.withAlpha(0.88))
        canvas.stroke(box, Color(hex: 0xCCCCCC), lineWidth: 0.8)
        for (i, entry) in entries.enumerated() {
            let column = i / perColumn, row = i % perColumn
            let cy = box.minY + 6 + (Double(row) + 0.5) * rowHeight
            let sx = box.minX + 8 + Double(column) * columnWidth
            switch entry.swatch {
            case .line(let dash):
                canvas.line(
                    from: Point(x: sx, y: cy), to: Point(x: sx + Self.swatchWidth(theme), y: cy), entry.color, lineWidth: theme.lineWidth,
                    dash: dash)
            case .patch:
                canvas.fill(Rect(x: sx + 4, y: cy - 5, width: Self.swatchWidth(theme) - 8, height: 10), entry.color)
            }
            canvas.text(
                entry.label, at: Point(x: sx + Self.swatchWidth(theme) + 6, y: cy), size: size, color: theme.text, anchor: .leftMiddle)
        }
    }
}

extension Rect {
    /// Whether `p` lies inside (edges included).
    func contains(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
}
