import Foundation
import SERCore
import SERReports

extension JSONValue {
    /// The value as a person reads it: a string without quotes, a number in its shortest
    /// form, arrays and objects as compact JSON; `nil` for `null`.
    var text: String? {
        switch self {
        case .null: return nil
        case .bool(let value): return String(value)
        case .integer(let value): return String(value)
        case .number(let value): return CompareCell.shortest(value)
        case .string(let value): return value
        case .array, .object:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
