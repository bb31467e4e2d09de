import SERCore

extension JSONValue {
    /// The JSON Schema type names this value has: `integer` values are `number`s too, and
    /// a number with no fractional part is an `integer` (JSON Schema 2020-12, §6.1.1).
    var typeNames: Set<String> {
        switch self {
        case .null: return ["null"]
        case .bool: return ["boolean"]
        case .integer: return ["integer", "number"]
        case .number(let x): return x.rounded() == x && x.isFinite ? ["integer", "number"] : ["number"]
        case .string: return ["string"]
        case .array: return ["array"]
        case .object: return ["object"]
        }
    }

    /// The value as a number, if it is one.
    var numeric: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let x): return x
        default: return nil
        }
    }
}
