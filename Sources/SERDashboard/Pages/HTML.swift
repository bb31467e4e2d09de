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
    /// do not resolve each other's references: `id="`, `url(#` and `href="#` are followed by
    /// the prefix. One pass over the UTF-8 bytes (a Run page inlines ~60 kB of SVG; Foundation's
    /// string replacing took a third of its rendering time).
    static func inlineSVG(_ data: Data, scope: String) -> String {
        let prefix = Array((scope + "-").utf8)
        let patterns = [Array("id=\"".utf8), Array("url(#".utf8), Array("href=\"#".utf8)]
        let svgStart = Array("<svg".utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String in
            let bytes = raw.bindMemory(to: UInt8.self)
            func matches(_ pattern: [UInt8], at i: Int) -> Bool {
                guard i + pattern.count <= bytes.count else { return false }
                for (k, byte) in pattern.enumerated() where bytes[i + k] != byte { return false }
                return true
            }
            var i = 0
            while i < bytes.count && !matches(svgStart, at: i) { i += 1 }
            if i == bytes.count { i = 0 }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 16)
            let (lowerI, lowerU, lowerH) = (UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "h"))
            while i < bytes.count {
                let byte = bytes[i]
                if byte == lowerI || byte == lowerU || byte == lowerH, let pattern = patterns.first(where: { matches($0, at: i) }) {
                    out += pattern
                    out += prefix
                    i += pattern.count
                } else {
                    out.append(byte)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A two-column table of `rows` (already-escaped values are not expected: both sides are
    /// escaped here).
    static func keyValueTable(_ rows: [(String, String)], id: String? = nil) -> String {
        let body = rows.map { "<tr><th>\(escape($0.0))</th><td>\(escape($0.1))</td></tr>" }.joined()
        return "<table class=\"kv\"\(id.map { " id=\"\($0)\"" } ?? "")>\(body)</table>"
    }
}
