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

    /// Draws the legend inside `frame`, avoiding `occupied` points (canvas coordinates) as
    /// well as it can.
    public func draw(on canvas: Canvas, in frame: Rect, avoiding occupied: [Point], theme: Theme) {
        guard !entries.isEmpty else { return }
        let size = theme.tickFontSize
        let rowHeight = canvas.measure("Ag", size: size).height + 3
        let swatchWidth = 22.0
        let labelWidth = entries.map { canvas.measure($0.label, size: size).width }.max() ?? 0
        let boxWidth = 8 + swatchWidth + 6 + labelWidth + 8
        let boxHeight = 6 + Double(entries.count) * rowHeight + 4
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
        let box = corners.min { hidden($0) < hidden($1) } ?? corners[0]
        canvas.fill(box, Color.white.withAlpha(0.88))
        canvas.stroke(box, Color(hex: 0xCCCCCC), lineWidth: 0.8)
        for (i, entry) in entries.enumerated() {
            let cy = box.minY + 6 + (Double(i) + 0.5) * rowHeight
            let sx = box.minX + 8
            switch entry.swatch {
            case .line(let dash):
                canvas.line(
                    from: Point(x: sx, y: cy), to: Point(x: sx + swatchWidth, y: cy), entry.color, lineWidth: theme.lineWidth, dash: dash)
            case .patch:
                canvas.fill(Rect(x: sx + 4, y: cy - 5, width: swatchWidth - 8, height: 10), entry.color)
            }
            canvas.text(entry.label, at: Point(x: sx + swatchWidth + 6, y: cy), size: size, color: theme.text, anchor: .leftMiddle)
        }
    }
}

extension Rect {
    /// Whether `p` lies inside (edges included).
    func contains(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
}
