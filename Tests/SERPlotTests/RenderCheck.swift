import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import SERPlot
import Testing

/// Renders a figure to PNG and SVG and checks both the way a person would: the PNG decodes to
/// the right size with real content, the SVG is well-formed XML with drawing elements.
enum RenderCheck {
    /// Where to also save the renders for a look (`SER_PLOT_OUT=/tmp/x swift test`).
    static let outputFolder = ProcessInfo.processInfo.environment["SER_PLOT_OUT"]

    static func check(_ figure: Figure, name: String, minColors: Int = 8) throws {
        let png = try figure.render(.png)
        let image = try RasterImage(png: png)
        #expect(image.width == Int(figure.width.rounded()))
        #expect(image.height == Int(figure.height.rounded()))
        #expect(image.inkFraction > 0.01, "\(name): the PNG is (almost) blank")
        #expect(image.distinctColors() >= minColors, "\(name): only \(image.distinctColors()) colours")
        let svg = try figure.render(.svg)
        let summary = try SVGSummary(svg)
        #expect(summary.root == "svg", "\(name): root is \(summary.root)")
        #expect(summary.drawingElements > 10, "\(name): only \(summary.drawingElements) drawing elements")
        let pdf = try figure.render(.pdf)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        if let folder = outputFolder {
            try png.write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).png"))
            try svg.write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).svg"))
        }
    }
}

/// The root element and the number of drawing elements of an SVG document, via XMLParser.
struct SVGSummary {
    var root = ""
    var drawingElements = 0

    init(_ data: Data) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw PlotError(.decoding, "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
        root = delegate.root ?? ""
        drawingElements = delegate.drawing
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var root: String?
        var drawing = 0
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if root == nil { root = name }
            if ["path", "rect", "use", "image", "circle", "line", "polyline", "polygon"].contains(name) { drawing += 1 }
        }
    }
}
