/// Canonical JSON text pieces for hashes that must never change across platforms (dataset
/// versions, feature recipes): written by hand rather than by an encoder whose formatting
/// could differ between Foundation versions.
public enum JSONString {
    /// A JSON string literal with RFC 8259 escaping: quotes, backslashes and control
    /// characters (`\n`, `\r`, `\t`, others as `\u00XX`); everything else verbatim.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
