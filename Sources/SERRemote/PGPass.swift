/// libpq's password file (`~/.pgpass`): lines `hostname:port:database:username:password`,
/// `*` matching anything, `\:` and `\\` escaping, `#` starting a comment; the first
/// matching line wins.
public enum PGPass {
    /// The password `text` (the file's contents) gives for `url`, or nil.
    public static func password(in text: String, for url: RemoteURL) -> String? {
        let wanted = [url.host, String(url.port), url.database, url.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// Splits one line on unescaped colons, removing the escapes.
    static func split(_ line: String) -> [String] {
        var fields = [""]
        var escaped = false
        for character in line {
            if escaped {
                fields[fields.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }
}
