public import Foundation

/// A picture: one or more chart panels laid out in a grid, with an optional overall title.
/// Renders to PNG, SVG or PDF from the same drawing code.
public struct Figure: Sendable {
    /// Width (points; PNG pixels at scale 1).
    public var width: Double
    /// Height (points; PNG pixels at scale 1).
    public var height: Double
    /// Overall title above the panels.
    public var title: String?
    /// The panels, filled row by row.
    public var panels: [any Chart]
    /// Panels per row.
    public var columns: Int
    /// Fonts, colours and sizes of every panel.
    public var theme: Theme
    /// Columns each panel spans (default 1 each); panels flow row by row, a panel that does
    /// not fit in what is left of a row starting the next.
    public var spans: [Int]?
    /// Relative height of each row (default: all equal).
    public var rowWeights: [Double]?
    /// One legend for every panel (when they all draw the same series), centred under the
    /// title in as many columns as fit the width.
    public var legend: Legend?

    public init(
        width: Double = 720, height: Double = 450, title: String? = nil, panels: [any Chart], columns: Int = 1, theme: Theme = .standard,
        spans: [Int]? = nil, rowWeights: [Double]? = nil
    ) {
        self.spans = spans
        self.rowWeights = rowWeights
        self.width = width
        self.height = height
        self.title = title
        self.panels = panels
        self.columns = max(1, columns)
        self.theme = theme
    }

    /// Draws the figure on a canvas of its size.
    public func draw(on canvas: Canvas) {
        canvas.fill(Rect(x: 0, y: 0, width: width, height: height), theme.background)
        var top = 0.0
        if let title {
            let size = canvas.fittingSize(title, size: theme.figureTitleFontSize, width: width - 2 * theme.padding, bold: true)
            let h = canvas.measure(title, size: theme.figureTitleFontSize, bold: true).height
            canvas.text(
                title, at: Point(x: width / 2, y: theme.padding + 2), size: size, color: theme.text,
                anchor: .topCenter, bold: true)
            top = theme.padding + h + 6
        }
        if let legend, !legend.entries.isEmpty {
            let available = width - 2 * theme.padding
            var columns = legend.entries.count
            while columns > 1 && legend.size(on: canvas, theme: theme, columns: columns).width > available { columns -= 1 }
            let size = legend.size(on: canvas, theme: theme, columns: columns)
            let y = max(top, theme.padding)
            legend.draw(
                on: canvas, box: Rect(x: max(theme.padding, (width - size.width) / 2), y: y, width: size.width, height: size.height),
                theme: theme, columns: columns)
            top = y + size.height + 4
        }
        let cells = grid()
        let rows = (cells.map(\.row).max() ?? -1) + 1
        guard rows > 0 else { return }
        let weights = (0..<rows).map { r in rowWeights.flatMap { r < $0.count ? max(0.05, $0[r]) : nil } ?? 1 }
        let total = weights.reduce(0, +)
        let cellWidth = width / Double(columns)
        var rowTops = [top]
        for w in weights { rowTops.append((rowTops.last ?? top) + (height - top) * w / total) }
        for (panel, cell) in zip(panels, cells) {
            panel.draw(
                on: canvas,
                in: Rect(
                    x: Double(cell.column) * cellWidth, y: rowTops[cell.row], width: Double(cell.span) * cellWidth,
                    height: rowTops[cell.row + 1] - rowTops[cell.row]),
                theme: theme)
        }
    }

    /// Row, first column and span of each panel.
    func grid() -> [(row: Int, column: Int, span: Int)] {
        var out: [(row: Int, column: Int, span: Int)] = []
        var row = 0, column = 0
        for i in panels.indices {
            let span = min(columns, max(1, spans.flatMap { i < $0.count ? $0[i] : nil } ?? 1))
            if column + span > columns {
                row += 1
                column = 0
            }
            out.append((row, column, span))
            column += span
        }
        return out
    }

    /// The figure with another title: a one-panel figure takes it as the panel's title (so the
    /// picture does not carry two); an empty title removes every title (for a paper, whose
    /// caption says what the figure shows).
    public func retitled(_ newTitle: String) -> Figure {
        var figure = self
        if newTitle.isEmpty {
            figure.title = nil
            for i in figure.panels.indices { figure.panels[i].title = nil }
        } else if figure.panels.count == 1 {
            figure.title = nil
            figure.panels[0].title = newTitle
        } else {
            figure.title = newTitle
        }
        return figure
    }

    /// Where the figure puts its texts, legends and data lines when drawn at its size.
    public func layout() throws -> FigureLayout {
        try Canvas.renderWithLayout(width: width, height: height, format: .svg) { draw(on: $0) }.layout
    }

    /// The encoded file bytes.
    ///
    /// - Parameter scale: PNG pixels per point (1 → `width × height` pixels).
    /// - Throws: ``PlotError`` `.rendering`.
    public func render(_ format: RenderFormat, scale: Double = 1) throws -> Data {
        try Canvas.render(width: width, height: height, format: format, scale: scale) { draw(on: $0) }
    }

    /// Renders and writes the figure to `path` atomically (temporary file in the same folder,
    /// then rename): on failure no partial file is left.
    ///
    /// - Parameter format: defaults to the path's extension, else PNG.
    /// - Throws: ``PlotError`` `.rendering` or `.io` naming the path.
    public func write(to path: String, format: RenderFormat? = nil, scale: Double = 1) throws {
        let data = try render(format ?? RenderFormat(pathExtension: path) ?? .png, scale: scale)
        try AtomicFile.write(data, to: path)
    }
}
