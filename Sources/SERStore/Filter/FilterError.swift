public import SERCore
/// A `--where` expression that cannot be used: the reason and the offending token, shown with
/// the expression and a caret under the token.
///
/// ```
/// --where: unknown field 'lrr' (hyperparameters: batch, dropout, lr; ...)
///   lrr < 0.01
///   ^^^
/// ```
public struct FilterError: LocatedError, Equatable {
    /// The whole expression as the user wrote it.
    public let expression: String
    /// Offset of the offending token (in `Character`s).
    public let offset: Int
    /// Length of the offending token (at least 1).
    public let length: Int
    /// Why it is refused, in words.
    public let reason: String

    /// Creates an error pointing at `token`.
    public init(_ reason: String, at token: FilterToken, in expression: String) {
        self.init(reason, offset: token.offset, length: token.length, in: expression)
    }

    /// Creates an error pointing at `length` characters from `offset`.
    public init(_ reason: String, offset: Int, length: Int, in expression: String) {
        self.expression = expression
        self.offset = max(0, offset)
        self.length = max(1, length)
        self.reason = reason
    }

    /// Three lines: the reason, the expression, and carets under the offending token.
    ///
    /// A long expression is shown as a window of at most ``window`` characters around the
    /// token, with `…` where it was cut, so the message stays a few lines whatever the input.
    public var description: String {
        var flat = expression.map { $0 == "\n" || $0 == "\t" ? " " : $0 }
        var start = offset, width = min(length, Self.window)
        if flat.count > Self.window {
            let from = max(0, min(offset - Self.window / 3, flat.count - Self.window))
            let to = min(flat.count, from + Self.window)
            flat = (from > 0 ? ["…"] : []) + Array(flat[from..<to]) + (to < flat.count ? ["…"] : [])
            start = offset - from + (from > 0 ? 1 : 0)
            width = max(1, min(width, flat.count - start))
        }
        let caret = String(repeating: " ", count: max(0, start)) + String(repeating: "^", count: width)
        return "\(reason)\n  \(String(flat))\n  \(caret)"
    }

    /// Most characters of the expression a message shows.
    /// Filter errors point into the expression with the caret, not at a file.
    public var location: String? { nil }

    public static let window = 100
}
