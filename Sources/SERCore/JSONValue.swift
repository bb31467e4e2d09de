public import Foundation

/// Any JSON value, typed: for the parts of `--json` output whose shape is the data's own (a
/// run's settings, hyperparameter values, provenance's `extra`), nested as JSON rather than
/// as JSON text inside a string; and for reading JSON without `JSONSerialization`, which on
/// Linux cannot tell `true` from `1`.
///
/// Integers are kept apart from other numbers so that seeds and sizes round-trip exactly.
public enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text (any value, not only objects and arrays).
    /// - Throws: `DecodingError` when `text` is not JSON.
    public init(parsing text: String) throws {
        try self.init(parsing: Data(text.utf8))
    }

    /// Parses JSON bytes (UTF-8).
    /// - Throws: `DecodingError` when `data` is not JSON.
    public init(parsing data: Data) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Parses JSON text, or gives the text itself as a string when it is not JSON (a value a
    /// damaged database might hold; the output stays valid JSON).
    public init(parsingOrKeeping text: String) {
        self = (try? JSONValue(parsing: text)) ?? .string(text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// The value as `JSONSerialization` takes it.
    public var any: Any {
        switch self {
        case .null: NSNull()
        case .bool(let b): b
        case .integer(let i): Int(i)
        case .number(let d): d
        case .string(let s): s
        case .array(let a): a.map(\.any)
        case .object(let o): o.mapValues(\.any)
        }
    }

    /// A value of a parsed settings file (Swift values or `NSNumber`s), or `nil` for a type
    /// JSON lacks (dates).
    public init?(any value: Any) {
        if let number = value as? NSNumber, !(type(of: value) == Bool.self || type(of: value) == Int.self || type(of: value) == Double.self)
        {
            switch String(cString: number.objCType) {
            case "c", "B": self = .bool(number.boolValue)
            case "f", "d": self = .number(number.doubleValue)
            default: self = .integer(number.int64Value)
            }
            return
        }
        switch value {
        case let b as Bool where type(of: value) == Bool.self: self = .bool(b)
        case let i as Int where type(of: value) == Int.self: self = .integer(Int64(i))
        case let i as Int64: self = .integer(i)
        case let d as Double: self = .number(d)
        case let s as String: self = .string(s)
        case is NSNull: self = .null
        case let a as [Any]:
            var items: [JSONValue] = []
            for item in a {
                guard let v = JSONValue(any: item) else { return nil }
                items.append(v)
            }
            self = .array(items)
        case let o as [String: Any]:
            var items: [String: JSONValue] = [:]
            for (k, item) in o {
                guard let v = JSONValue(any: item) else { return nil }
                items[k] = v
            }
            self = .object(items)
        default: return nil
        }
    }

    /// The value as a user would write it in a message: `"relu"`, `[128, 64]`, `0.001`.
    public var literal: String {
        switch self {
        case .null: "null"
        case .bool(let b): String(b)
        case .integer(let i): String(i)
        case .number(let d): String(d)
        case .string(let s): "\"\(s)\""
        case .array(let a): "[" + a.map(\.literal).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.keys.sorted().map { "\($0): \(o[$0]?.literal ?? "")" }.joined(separator: ", ") + "}"
        }
    }
}
