public import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
public import SERPlot

/// What an SVG file says about its layout, read back with XMLParser: the canvas size (the
/// root's `width`/`height` in points), every `<text>` element with its ink box
/// (`data-ink`), cairo glyph references left over (`<use>` of a glyph), and the legend boxes
/// and data lines of the hidden `ser-layout` group.
public struct SVGLayoutParser {
    public struct Text {
        public var string: String
        public var box: Rect?
        public var attributes: [String: String]
    }

    public var width = 0.0
    public var height = 0.0
    public var texts: [Text] = []
    public var glyphUses = 0
    public var legends: [Rect] = []
    public var dataLines: [[Point]] = []

    public init(_ data: Data) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw PlotError(.decoding, "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
        width = delegate.width
        height = delegate.height
        texts = delegate.texts
        glyphUses = delegate.glyphUses
        legends = delegate.legends
        dataLines = delegate.dataLines
    }

    /// Texts whose ink box leaves the canvas.
    public func clipped() -> [Text] {
        texts.filter { t in
            guard let b = t.box else { return true }
            return b.minX < -0.01 || b.minY < -0.01 || b.maxX > width + 0.01 || b.maxY > height + 0.01
        }
    }

    /// (legend, line) pairs where a legend box overlaps the bounding box of a line segment.
    public func legendOverlaps() -> [(Rect, Int)] {
        var out: [(Rect, Int)] = []
        for legend in legends {
            for (i, line) in dataLines.enumerated() {
                for (a, b) in zip(line, line.dropFirst()) {
                    let segment = Rect(
                        x: min(a.x, b.x), y: min(a.y, b.y), width: max(abs(a.x - b.x), 1e-6), height: max(abs(a.y - b.y), 1e-6))
                    if segment.intersects(legend) {
                        out.append((legend, i))
                        break
                    }
                }
            }
        }
        return out
    }

    public static func numbers(_ text: String) -> [Double] {
        text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var width = 0.0, height = 0.0
        var texts: [Text] = []
        var glyphUses = 0
        var legends: [Rect] = []
        var dataLines: [[Point]] = []
        var current: Text?
        var sawRoot = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if !sawRoot, name == "svg" {
                sawRoot = true
                width = Double(attributes["width", default: "0"].replacingOccurrences(of: "pt", with: "")) ?? 0
                height = Double(attributes["height", default: "0"].replacingOccurrences(of: "pt", with: "")) ?? 0
            }
            switch name {
            case "text":
                let ink = attributes["data-ink"].map(SVGLayoutParser.numbers) ?? []
                current = Text(
                    string: "", box: ink.count == 4 ? Rect(x: ink[0], y: ink[1], width: ink[2], height: ink[3]) : nil,
                    attributes: attributes)
            case "use":
                if (attributes["xlink:href"] ?? attributes["href"] ?? "").contains("glyph") { glyphUses += 1 }
            case "rect" where attributes["class"] == "legend":
                let v = ["x", "y", "width", "height"].compactMap { attributes[$0].flatMap(Double.init) }
                if v.count == 4 { legends.append(Rect(x: v[0], y: v[1], width: v[2], height: v[3])) }
            case "polyline" where attributes["class"] == "data":
                let v = SVGLayoutParser.numbers(attributes["points", default: ""])
                dataLines.append(stride(from: 0, to: v.count - 1, by: 2).map { Point(x: v[$0], y: v[$0 + 1]) })
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current?.string += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text", let text = current {
                texts.append(text)
                current = nil
            }
        }
    }
}
