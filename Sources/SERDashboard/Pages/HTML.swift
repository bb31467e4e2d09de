import Foundation
import SERPlot

/// Small HTML helpers: escaping, and cairo SVG made safe to inline beside other figures.
enum HTML {
    /// `text` with `& < > " '` escaped, for element content and attribute values (the
    /// report's escaping, so both pages and reports quote alike).
    static func escape(_ text: String) -> String {
        HTMLReport.escape(text)
    }

    /// A query component with everything but unreserved characters percent-encoded.
    static func queryEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// An SVG document from cairo ready to sit inline in a page: the XML declaration dropped and
    /// every `id` (clip paths, patterns) prefixed with `scope-`, so two figures on one page
    /// do not resolve each other's references.
    static func inlineSVG(_ data: Data, scope: String) -> String {
        var svg = String(decoding: data, as: UTF8.self)
        if let start = svg.range(of: "<svg") { svg = String(svg[start.lowerBound...]) }
        return svg.replacingOccurrences(of: "id=\"", with: "id=\"\(scope)-")
            .replacingOccurrences(of: "url(#", with: "url(#\(scope)-")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(scope)-")
    }

    /// A two-column table of `rows` (already-escaped values are not expected: both sides are
    /// escaped here).
    static func keyValueTable(_ rows: [(String, String)], id: String? = nil) -> String {
        let body = rows.map { "<tr><th>\(escape($0.0))</th><td>\(escape($0.1))</td></tr>" }.joined()
        return "<table class=\"kv\"\(id.map { " id=\"\($0)\"" } ?? "")>\(body)</table>"
    }
}
