/// Where a text's reference point sits on the text's box.
public struct TextAnchor: Sendable, Equatable {
    /// Horizontal placement of the reference point.
    public enum Horizontal: Sendable { case left, center, right }
    /// Vertical placement of the reference point (`baseline` is the glyphs' baseline).
    public enum Vertical: Sendable { case top, middle, baseline, bottom }

    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public static let center = TextAnchor(.center, .middle)
    public static let topCenter = TextAnchor(.center, .top)
    public static let bottomCenter = TextAnchor(.center, .bottom)
    public static let leftMiddle = TextAnchor(.left, .middle)
    public static let rightMiddle = TextAnchor(.right, .middle)
}
