extension String {
    /// The text without leading and trailing spaces, tabs, CR and LF.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// The last path component without its extension: `a/b/03a01Fa.wav` → `03a01Fa`.
    var fileStem: String {
        let name = pathComponents.last ?? self
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The non-empty `/`-separated components.
    var pathComponents: [String] {
        split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// The folder holding the file, `nil` for a file at the root.
    var parentFolderName: String? {
        let parts = pathComponents
        return parts.count >= 2 ? parts[parts.count - 2] : nil
    }

    /// Whether every character is an ASCII digit (and there is at least one).
    var isAllDigits: Bool { !isEmpty && allSatisfy { $0.isASCII && $0.isNumber } }
}
