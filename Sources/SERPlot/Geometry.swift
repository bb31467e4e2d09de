/// A point in canvas coordinates (points; origin top-left, y grows downwards).
public struct Point: Sendable, Equatable {
    /// Horizontal coordinate (points; for a plot area: the x axis).
    public var x: Double
    /// Vertical coordinate (points, growing downwards; for a plot area: the y axis).
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in canvas coordinates (points; origin top-left).
public struct Rect: Sendable, Equatable {
    /// Horizontal coordinate (points; for a plot area: the x axis).
    public var x: Double
    /// Vertical coordinate (points, growing downwards; for a plot area: the y axis).
    public var y: Double
    /// Width (points).
    public var width: Double
    /// Height (points).
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Left edge (points).
    public var minX: Double { x }
    /// Right edge (points).
    public var maxX: Double { x + width }
    /// Top edge (points).
    public var minY: Double { y }
    /// Bottom edge (points).
    public var maxY: Double { y + height }
    /// Horizontal centre (points).
    public var midX: Double { x + width / 2 }
    /// Vertical centre (points).
    public var midY: Double { y + height / 2 }

    /// The rectangle shrunk by the given margins (points); never negative in size.
    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: max(0, width - left - right), height: max(0, height - top - bottom))
    }

    /// Whether two rectangles overlap.
    public func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
}
