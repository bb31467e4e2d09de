/// Where a text's reference point sits on the text's box.
public struct TextAnchor: Sendable, Equatable {
    /// Horizontal placement of the reference point.
    public enum Horizontal: Sendable { case left, center, right }
    /// Vertical placement of the reference point (`baseline` is the glyphs' baseline).
    public enum Vertical: Sendable { case top, middle, baseline, bottom }

    /// Horizontal placement.
    public var horizontal: Horizontal
    /// Vertical placement.
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// Centred both ways.
    public static let center = TextAnchor(.center, .middle)
    /// Top edge, centred horizontally.
    public static let topCenter = TextAnchor(.center, .top)
    /// Bottom edge, centred horizontally.
    public static let bottomCenter = TextAnchor(.center, .bottom)
    /// Left edge, centred vertically.
    public static let leftMiddle = TextAnchor(.left, .middle)
    /// Right edge, centred vertically.
    public static let rightMiddle = TextAnchor(.right, .middle)
}
