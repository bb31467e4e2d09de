/// A constant in a `--where` expression: bound to the SQL as a parameter, never spliced in.
public enum FilterLiteral: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case string(String)

    /// As written back in the filter language.
    public var description: String {
        switch self {
        case .number(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }
}
