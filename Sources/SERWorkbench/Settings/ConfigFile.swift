public import Foundation

/// Reads run settings from a JSON object or a flat TOML file (`key = value` lines with
/// strings, numbers, booleans and one-line arrays; `#` comments).
///
/// Keys may be written `maxFrames`, `max_frames` or `max-frames`.
public enum ConfigFile {
    /// The overrides in the file, keyed by setting name.
    ///
    /// - Throws: ``WorkbenchError`` naming the file (and line, for TOML) and the problem.
    public static func load(path: String) throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbenchError(.invalidSetting, source: .configFile(path), "cannot be read (no such file?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkbenchError(.invalidSetting, source: .configFile(path), "is not UTF-8 text")
        }
        let raw: [String: Any]
        if path.lowercased().hasSuffix(".json") || text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw WorkbenchError(.invalidSetting, source: .configFile(path), "is not a JSON object")
            }
            // JSONSerialization keeps the last of two equal keys without a word.
            if let key = firstDuplicateKey(text) {
                throw WorkbenchError(.invalidSetting, source: .configFile(path), "'\(key)' is set twice; a JSON key may be given once")
            }
            raw = object
        } else {
            raw = try parseTOML(text, path: path)
        }
        return try canonicalKeys(raw, path: path)
    }

    /// The first key that appears twice among a JSON object's top-level keys, if any
    /// (`text` is already known to be valid JSON; escapes in keys are compared as written).
    public static func firstDuplicateKey(_ text: String) -> String? {
        var depth = 0
        var seen = Set<String>()
        var characters = text.makeIterator()
        var pendingString: String?
        while let c = characters.next() {
            switch c {
            case "\"":
                var string = ""
                while let d = characters.next(), d != "\"" {
                    string.append(d)
                    if d == "\\", let escaped = characters.next() { string.append(escaped) }
                }
                pendingString = string
                continue
            case ":":
                if depth == 1, let key = pendingString {
                    if !seen.insert(key).inserted { return key }
                }
            case "{", "[":
                depth += 1
            case "}", "]":
                depth -= 1
            default:
                if !c.isWhitespace { pendingString = nil }
                continue
            }
            pendingString = nil
        }
        return nil
    }

    /// Maps `max_frames` / `max-frames` / `MaxFrames` to `maxFrames`.
    public static func canonicalKeys(_ raw: [String: Any], path: String) throws -> [String: Any] {
        let byFolded = Dictionary(uniqueKeysWithValues: RunSettings.keys.map { (fold($0), $0) })
        var out: [String: Any] = [:]
        var spelled: [String: String] = [:]
        for (key, value) in raw.sorted(by: { $0.key < $1.key }) {
            guard let name = byFolded[fold(key)] else {
                throw WorkbenchError(.invalidSetting, source: .configFile(path), "unknown setting '\(key)'")
            }
            if let earlier = spelled[name] {
                throw WorkbenchError(.invalidSetting, source: .configFile(path), "'\(earlier)' and '\(key)' both set \(name); give each setting once")
            }
            spelled[name] = key
            out[name] = value
        }
        return out
    }

    private static func fold(_ key: String) -> String {
        key.lowercased().filter { $0 != "_" && $0 != "-" }
    }

    /// The flat TOML subset.
    public static func parseTOML(_ text: String, path: String) throws -> [String: Any] {
        var out: [String: Any] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            func fail(_ reason: String) -> WorkbenchError {
                WorkbenchError(.invalidSetting, source: .configFile("\(path):\(index + 1)"), reason)
            }
            if line.hasPrefix("[") { throw fail("tables are not supported; write settings as top-level key = value lines") }
            guard let equals = line.firstIndex(of: "=") else { throw fail("expected key = value") }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            let valueText = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { throw fail("missing key") }
            guard let value = parseValue(valueText) else { throw fail("cannot read the value '\(valueText)'") }
            if out[key] != nil { throw fail("'\(key)' is set twice; a TOML key may be given once") }
            out[key] = value
        }
        return out
    }

    private static func stripComment(_ line: String) -> String {
        var inString: Character?
        for (i, ch) in line.enumerated() {
            if let quote = inString {
                if ch == quote { inString = nil }
            } else if ch == "\"" || ch == "'" {
                inString = ch
            } else if ch == "#" {
                return String(line.prefix(i))
            }
        }
        return line
    }

    private static func parseValue(_ text: String) -> Any? {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        if text == "true" { return true }
        if text == "false" { return false }
        if let int = Int(text.replacingOccurrences(of: "_", with: "")) { return int }
        if let double = Double(text.replacingOccurrences(of: "_", with: "")) { return double }
        if text.hasPrefix("["), text.hasSuffix("]") {
            let inner = text.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            if inner.isEmpty { return [Any]() }
            var items: [Any] = []
            for part in inner.split(separator: ",") {
                let item = part.trimmingCharacters(in: .whitespaces)
                if item.isEmpty { continue }
                guard let value = parseValue(item), !(value is [Any]) else { return nil }
                items.append(value)
            }
            return items
        }
        return nil
    }
}
