/// Where a rendered figure put its text, legends and data lines (canvas points, origin
/// top-left): what a layout check needs to prove that no label is clipped and no legend
/// covers data. Recorded by every ``Canvas`` while drawing; SVG output carries it too.
public struct FigureLayout: Sendable {
    /// One drawn text: the string and its ink box (cairo text extents, rotation applied).
    public struct Text: Sendable {
        public var string: String
        public var box: Rect
    }

    /// Width and height of the canvas (points).
    public var width: Double
    public var height: Double
    /// Every text drawn, in drawing order.
    public var texts: [Text] = []
    /// The box of every legend drawn.
    public var legends: [Rect] = []
    /// Every data line (one polyline of a series), canvas points; gaps split a line.
    public var dataLines: [[Point]] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The texts whose ink box reaches outside the canvas (by more than `tolerance` points).
    public func clippedTexts(tolerance: Double = 0.01) -> [Text] {
        texts.filter {
            $0.box.minX < -tolerance || $0.box.minY < -tolerance || $0.box.maxX > width + tolerance || $0.box.maxY > height + tolerance
        }
    }

    /// Pairs (legend index, line index) where a legend box overlaps the bounding box of a
    /// segment of a data line.
    public func legendOverlaps() -> [(legend: Int, line: Int)] {
        var out: [(Int, Int)] = []
        for (l, legend) in legends.enumerated() {
            for (i, line) in dataLines.enumerated() where Self.segments(line).contains(where: { $0.intersects(legend) }) {
                out.append((l, i))
            }
        }
        return out
    }

    /// The bounding boxes of a polyline's segments (zero-size edges kept as hairlines).
    static func segments(_ line: [Point]) -> [Rect] {
        zip(line, line.dropFirst()).map { a, b in
            Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: max(abs(a.x - b.x), 1e-6), height: max(abs(a.y - b.y), 1e-6))
        }
    }
}
