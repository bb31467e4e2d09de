public import Foundation

/// A JSON value, typed: what settings files, flags and `runs.config` hold, without `Any`.
///
/// Whole numbers stay ``int`` and fractions ``double``, so a setting encodes exactly as it
/// was given (`"epochs":30`, `"lr":0.001`).
public enum JSONValue: Sendable, Equatable, Hashable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// The value as `JSONSerialization` takes it.
    public var any: Any {
        switch self {
        case .null: NSNull()
        case .bool(let b): b
        case .int(let i): i
        case .double(let d): d
        case .string(let s): s
        case .array(let a): a.map(\.any)
        case .object(let o): o.mapValues(\.any)
        }
    }

    /// A value of a parsed settings file (TOML or JSON; Swift values or `NSNumber`s), or `nil`
    /// for a type JSON lacks (dates).
    public init?(any value: Any) {
        if let number = value as? NSNumber, !(type(of: value) == Bool.self || type(of: value) == Int.self || type(of: value) == Double.self) {
            switch String(cString: number.objCType) {
            case "c", "B": self = .bool(number.boolValue)
            case "f", "d": self = .double(number.doubleValue)
            default: self = .int(number.intValue)
            }
            return
        }
        switch value {
        case let b as Bool where type(of: value) == Bool.self: self = .bool(b)
        case let i as Int where type(of: value) == Int.self: self = .int(i)
        case let d as Double: self = .double(d)
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

    /// The value as a user would write it, for messages: `"relu"`, `[128, 64]`, `0.001`.
    public var text: String {
        switch self {
        case .null: "null"
        case .bool(let b): String(b)
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): "\"\(s)\""
        case .array(let a): "[" + a.map(\.text).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.keys.sorted().map { "\($0): \(o[$0]?.text ?? "")" }.joined(separator: ", ") + "}"
        }
    }
}
