public import SERCore
public import Foundation

/// One cell of the comparison: text, a number (with a standard deviation for parents), or
/// nothing.
public enum CompareCell: Equatable {
    case text(String)
    /// A number printed with `digits` decimals (or as a duration when `duration`).
    case number(Double, std: Double?, digits: Int)
    /// A duration in seconds.
    case duration(Double)
    /// A hyperparameter: its JSON text, kept for JSON output, shown unquoted.
    case json(String)
    /// Words such as tags: comma-separated in text, an array in JSON (`–` when empty).
    case list([String])
    case missing

    /// The value as shown in a table or Markdown.
    public var display: String {
        switch self {
        case .text(let s): return s
        case .number(let x, let std, let digits):
            let value = Self.fixed(x, digits)
            return std.map { "\(value)±\(Self.fixed($0, digits))" } ?? value
        case .duration(let s): return Format.duration(s)
        case .json(let text): return Self.unquoted(text)
        case .list(let words): return words.isEmpty ? "–" : words.joined(separator: ",")
        case .missing: return "–"
        }
    }

    /// The value as written in CSV: full precision, no unit, empty when missing.
    public var plain: String {
        switch self {
        case .text(let s): return s
        case .number(let x, _, _): return Self.shortest(x)
        case .duration(let s): return Self.shortest((s * 1000).rounded() / 1000)
        case .json(let text): return Self.unquoted(text)
        case .list(let words): return words.joined(separator: ",")
        case .missing: return ""
        }
    }

    /// The value as a JSON fragment.
    public var json: String {
        switch self {
        case .text(let s): return Self.jsonString(s)
        case .number(let x, _, _): return x.isFinite ? Self.shortest(x) : "null"
        case .duration(let s): return Self.shortest((s * 1000).rounded() / 1000)
        case .json(let text): return text
        case .list(let words): return "[" + words.map(Self.jsonString).joined(separator: ", ") + "]"
        case .missing: return "null"
        }
    }

    /// The standard deviation, if any.
    public var std: Double? {
        if case .number(_, let std, _) = self { return std }
        return nil
    }

    /// The number, if the cell is one.
    public var numeric: Double? {
        switch self {
        case .number(let x, _, _), .duration(let x): return x
        default: return nil
        }
    }

    public static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        var text = String(format: "%.\(digits)f", x)
        if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }
        return text
    }

    /// Shortest decimal that reads back as `x` (integers without `.0`).
    public static func shortest(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A JSON string value as text (`"adam"` → `adam`); other JSON as written.
    public static func unquoted(_ text: String) -> String {
        guard text.utf8.first == UInt8(ascii: "\"") else { return text }
        if text.utf8.count >= 2, text.utf8.last == UInt8(ascii: "\""), !text.utf8.contains(UInt8(ascii: "\\")) {
            return String(text.dropFirst().dropLast())  // no escapes: the JSON string is its text
        }
        guard let data = text.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? String
        else { return text }
        return value
    }

    /// `s` as a JSON string literal.
    public static func jsonString(_ s: String) -> String { JSONString.quoted(s) }
}
