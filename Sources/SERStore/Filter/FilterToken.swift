/// One lexical token of a `--where` expression, with where it sits in the text.
public struct FilterToken: Sendable, Equatable {
    /// What the token is.
    public enum Kind: Sendable, Equatable {
        /// A field name: letters, digits, `_`, `.` and `-`, not starting with a digit (`test.acc`, `lr`).
        case identifier(String)
        /// A decimal number (`0.001`, `1e-3`, `-2`).
        case number(Double)
        /// A quoted string, quotes removed (`'speaker'`; a doubled quote `''` stands for one).
        case string(String)
        /// `and`, `or`, `not`, `in`, `like` (case-insensitive).
        case keyword(String)
        /// `=`, `!=`, `<>`, `<`, `<=`, `>`, `>=`.
        case comparison(String)
        case leftParenthesis, rightParenthesis, comma
        /// The end of the expression.
        case end
    }

    /// The token's kind and value.
    public var kind: Kind
    /// Offset of its first character in the expression (in `Character`s).
    public var offset: Int
    /// Its length in characters (at least 1, so a caret can point at it).
    public var length: Int
    /// The text as written.
    public var text: String

    /// Creates a token.
    public init(_ kind: Kind, offset: Int, length: Int, text: String) {
        self.kind = kind
        self.offset = offset
        self.length = max(1, length)
        self.text = text
    }
}
