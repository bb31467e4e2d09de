import Foundation

/// A self-contained HTML page: headings, key/value and data tables, preformatted text and
/// figures embedded as base64 PNG `<img>` data URIs (no network, no external files).
public struct HTMLReport {
    /// The page title (also the first heading).
    public var title: String
    /// A line under the title.
    public var subtitle: String?
    private var body: [String] = []

    public init(title: String, subtitle: String? = nil) {
        self.title = title
        self.subtitle = subtitle
    }

    /// A section heading.
    public mutating func heading(_ text: String) {
        body.append("<h2>\(Self.escape(text))</h2>")
    }

    /// A paragraph of plain text.
    public mutating func paragraph(_ text: String, className: String? = nil) {
        body.append("<p\(className.map { " class=\"\($0)\"" } ?? "")>\(Self.escape(text))</p>")
    }

    /// A two-column table of names and values.
    public mutating func keyValues(_ pairs: [(String, String)]) {
        guard !pairs.isEmpty else { return }
        let rows = pairs.map { "<tr><th>\(Self.escape($0.0))</th><td>\(Self.escape($0.1))</td></tr>" }.joined(separator: "\n")
        body.append("<table class=\"kv\">\n\(rows)\n</table>")
    }

    /// A table with a header row; cells that parse as numbers are right-aligned.
    public mutating func table(header: [String], rows: [[String]]) {
        guard !rows.isEmpty else { return }
        let head = "<tr>" + header.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr>"
        let lines = rows.map { row in
            "<tr>"
                + row.map { cell in
                    Double(cell.trimmingCharacters(in: CharacterSet(charactersIn: "%± "))) != nil
                        ? "<td class=\"num\">\(Self.escape(cell))</td>" : "<td>\(Self.escape(cell))</td>"
                }.joined() + "</tr>"
        }
        body.append("<table class=\"data\">\n\(head)\n\(lines.joined(separator: "\n"))\n</table>")
    }

    /// A table whose cells may link somewhere (relative file names, e.g. a trial's report);
    /// cells that parse as numbers are right-aligned.
    public mutating func linkedTable(header: [String], rows: [[(text: String, href: String?)]]) {
        guard !rows.isEmpty else { return }
        let head = "<tr>" + header.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr>"
        let lines = rows.map { row in
            "<tr>"
                + row.map { cell in
                    let content = cell.href.map { "<a href=\"\(Self.escape($0))\">\(Self.escape(cell.text))</a>" } ?? Self.escape(cell.text)
                    return Double(cell.text.trimmingCharacters(in: CharacterSet(charactersIn: "%± "))) != nil
                        ? "<td class=\"num\">\(content)</td>" : "<td>\(content)</td>"
                }.joined() + "</tr>"
        }
        body.append("<table class=\"data\">\n\(head)\n\(lines.joined(separator: "\n"))\n</table>")
    }

    /// Monospaced text (configuration JSON, command lines).
    public mutating func preformatted(_ text: String) {
        body.append("<pre>\(Self.escape(text))</pre>")
    }

    /// A figure rendered to PNG and embedded inline.
    ///
    /// - Parameter scale: PNG pixels per point (2 looks sharp on high-density screens).
    /// - Throws: ``PlotError`` `.rendering`.
    public mutating func figure(_ figure: Figure, alt: String, scale: Double = 1) throws {
        let png = try figure.render(.png, scale: scale)
        body.append(
            """
            <figure><img alt="\(Self.escape(alt))" width="\(Int(figure.width))" height="\(Int(figure.height))" \
            src="data:image/png;base64,\(png.base64EncodedString())"></figure>
            """)
    }

    /// The whole page.
    public func html() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #262626; max-width: 1100px; margin: 2em auto; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 1.8em; }
        p.sub { color: #666; margin-top: 0; }
        p.warn { color: #a33; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
        th, td { padding: 0.25em 0.8em; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
        table.data th { background: #f4f4f4; }
        table.kv th { color: #555; font-weight: normal; white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
        figure { margin: 1em 0; }
        img { max-width: 100%; height: auto; border: 1px solid #eee; }
        footer { color: #888; font-size: 0.8em; margin-top: 3em; }
        </style>
        </head>
        <body>
        <h1>\(Self.escape(title))</h1>
        \(subtitle.map { "<p class=\"sub\">\(Self.escape($0))</p>" } ?? "")
        \(body.joined(separator: "\n"))
        <footer>Generated by ser. Self-contained: every image is embedded in this file.</footer>
        </body>
        </html>

        """
    }

    /// `&`, `<`, `>`, `"` and `'` escaped for HTML text and attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
