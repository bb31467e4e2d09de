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

    public init(
        width: Double = 720, height: Double = 450, title: String? = nil, panels: [any Chart], columns: Int = 1, theme: Theme = .standard
    ) {
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
            let h = canvas.measure(title, size: theme.figureTitleFontSize, bold: true).height
            canvas.text(
                title, at: Point(x: width / 2, y: theme.padding + 2), size: theme.figureTitleFontSize, color: theme.text,
                anchor: .topCenter, bold: true)
            top = theme.padding + h + 6
        }
        let rows = (panels.count + columns - 1) / columns
        guard rows > 0 else { return }
        let cellWidth = width / Double(columns), cellHeight = (height - top) / Double(rows)
        for (i, panel) in panels.enumerated() {
            let r = i / columns, c = i % columns
            panel.draw(
                on: canvas, in: Rect(x: Double(c) * cellWidth, y: top + Double(r) * cellHeight, width: cellWidth, height: cellHeight),
                theme: theme)
        }
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
