/// Splits CSV text into rows of fields (RFC 4180: quoted fields, doubled quotes, CRLF or LF).
///
/// The delimiter is `,` unless the header line holds tabs or semicolons and no commas.
public enum CSVReader {
    /// One row with the 1-based line number where it starts.
    public struct Row: Sendable, Equatable {
        /// The line number (1-based) of the row's first character.
        public var line: Int
        /// The fields, unquoted.
        public var fields: [String]
    }

    /// Parses `text`, skipping blank lines.
    ///
    /// - Parameter source: the file name used in errors.
    /// - Throws: ``CorpusError`` `.malformedManifest` for a quote that is never closed.
    public static func rows(_ text: String, source: String) throws(CorpusError) -> [Row] {
        let delimiter = detectDelimiter(text)
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var fieldWasQuoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingWhitespace().isEmpty && !fieldWasQuoted) {
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                fieldWasQuoted = true
            case delimiter:
                fields.append(field)
                field = ""
            case "\r":
                continue
            case "\n":
                endRow()
                line += 1
                rowLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw CorpusError(.malformedManifest, path: source, "line \(rowLine): a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }

    static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        let header = text.prefix { $0 != "\n" }
        if header.contains(",") { return "," }
        if header.contains("\t") { return "\t" }
        if header.contains(";") { return ";" }
        return ","
    }
}
