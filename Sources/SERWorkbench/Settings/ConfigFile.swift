import Foundation

/// Reads run settings from a JSON object, e.g. `{"epochs": 12, "layers": [256, 128]}`.
///
/// Keys may be written `maxFrames`, `max_frames` or `max-frames`. TOML files are refused: the
/// hand-written TOML subset read before had no escapes and split quoted commas, and the one
/// TOML library in reach (TOMLKit 0.6.0, i.e. toml++ 3.4.0) aborts the process on some
/// malformed files (`[` alone on a line, `[[[1]]]`), which a settings file must never do.
public enum ConfigFile {
    /// The overrides in the file, keyed by setting name.
    ///
    /// - Throws: ``WorkbenchError`` naming the file and the problem.
    public static func load(path: String) throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbenchError(.invalidSetting, source: .configFile(path), "cannot be read (no such file?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkbenchError(.invalidSetting, source: .configFile(path), "is not UTF-8 text")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            let toml = path.lowercased().hasSuffix(".toml") ? " (TOML files are no longer read)" : ""
            throw WorkbenchError(
                .invalidSetting, source: .configFile(path),
                "is not a JSON object\(toml); write the settings as one, e.g. {\"epochs\": 12, \"layers\": [256, 128]}")
        }
        // JSONSerialization keeps the last of two equal keys without a word.
        if let key = firstDuplicateKey(text) {
            throw WorkbenchError(.invalidSetting, source: .configFile(path), "'\(key)' is set twice; a JSON key may be given once")
        }
        return try canonicalKeys(object, path: path)
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
                throw WorkbenchError(
                    .invalidSetting, source: .configFile(path), "'\(earlier)' and '\(key)' both set \(name); give each setting once")
            }
            spelled[name] = key
            out[name] = value
        }
        return out
    }

    private static func fold(_ key: String) -> String {
        key.lowercased().filter { $0 != "_" && $0 != "-" }
    }
}
