/// A piece of SQL with `?` placeholders and the values to bind to them, in order.
///
/// Everything a user typed reaches SQLite only through ``arguments``; ``sql`` holds text the
/// compiler wrote itself.
public struct SQLFragment: Sendable, Equatable {
    /// SQL text with one `?` per argument.
    public var sql: String
    /// The values bound to the placeholders.
    public var arguments: [FilterLiteral]

    /// Creates a fragment.
    public init(_ sql: String, _ arguments: [FilterLiteral] = []) {
        self.sql = sql
        self.arguments = arguments
    }
}
