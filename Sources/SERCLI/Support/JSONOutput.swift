import Foundation
import SERStore

/// The one way `ser` writes `--json` output (docs/JSON.md): every report is an `Encodable`
/// value printed by this encoder.
///
/// Conventions it enforces: keys in snake_case (`testAcc` → `test_acc`, `runID` → `run_id`;
/// keys of dictionaries, which name data such as labels or settings, are left as they are),
/// sorted keys, pretty-printed, `Date` values as ISO-8601 UTC with milliseconds (the
/// database's ``Timestamp`` format). Keys whose value is empty are written as `null` when the
/// property is marked ``Nullable``.
enum JSONOutput {
    /// A new encoder with the conventions above.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.string(from: date))
        }
        return encoder
    }

    /// `value` as JSON text, without a final newline.
    static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}

/// Prints a value on standard output as `ser`'s JSON (``JSONOutput``).
func printJSON<T: Encodable>(_ value: T) throws {
    print(try JSONOutput.text(value))
}
