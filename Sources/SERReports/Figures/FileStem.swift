/// File-name-safe stems for default output names.
public enum FileStem {
    /// Letters, digits, `-`, `_` and `.` kept; anything else becomes `_`.
    public static func safe(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    }
}
