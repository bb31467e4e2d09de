import Foundation

/// Text in SVG output as real `<text>` elements.
///
/// cairo's SVG surface always writes glyphs as outlines (`<symbol>` + `<use>`): the words of a
/// figure can then be neither edited nor searched nor restyled in a paper. So on an SVG
/// canvas ``Canvas/text(_:at:size:color:anchor:rotation:bold:)`` does not ask cairo for glyphs
/// but writes a `<text>` element here, placed at the same baseline origin with the same font
/// (DejaVu Sans, with generic fall-backs), and ``inject(_:layout:into:)`` appends them to
/// cairo's document when it is finished. Text is therefore painted above every shape, which
/// is where every chart of this module draws it anyway (labels, legends and annotations come
/// last). Horizontal anchors use `text-anchor`, so a viewer substituting another font keeps
/// centred and right-aligned labels in place.
enum SVGText {
    /// The font list written on the text group.
    static let fontFamily = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"

    /// One `<text>` element.
    ///
    /// - Parameters:
    ///   - origin: the reference point (canvas points); rotation turns about it.
    ///   - dy: the baseline relative to `origin` before rotation, as cairo computed it (the
    ///     horizontal offset is `text-anchor`'s).
    ///   - box: the ink box, written as `data-ink="x y width height"` for layout checks.
    static func element(
        _ text: String, origin: Point, dy: Double, anchor: TextAnchor.Horizontal, size: Double, color: Color,
        rotation: Double, bold: Bool, box: Rect
    ) -> String {
        let textAnchor: String
        switch anchor {
        case .left: textAnchor = "start"
        case .center: textAnchor = "middle"
        case .right: textAnchor = "end"
        }
        var transform = "translate(\(number(origin.x)) \(number(origin.y)))"
        if rotation != 0 { transform += " rotate(\(number(-rotation)))" }
        var attributes =
            "transform=\"\(transform)\" x=\"0\" y=\"\(number(dy))\" text-anchor=\"\(textAnchor)\" font-size=\"\(number(size))\" fill=\"\(color.hexString)\""
        if color.alpha < 1 { attributes += " fill-opacity=\"\(number(color.alpha))\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        attributes += " data-ink=\"\(number(box.x)) \(number(box.y)) \(number(box.width)) \(number(box.height))\""
        return "<text \(attributes)>\(HTMLReport.escape(text))</text>"  // HTML's escapes are XML's too
    }

    /// cairo's SVG document with `texts` and the layout record added before `</svg>`.
    static func inject(_ texts: [String], layout: FigureLayout, into svg: Data) -> Data {
        var document = String(decoding: svg, as: UTF8.self)
        guard let end = document.range(of: "</svg>", options: .backwards) else { return svg }
        var added = "<g id=\"ser-text\" font-family=\"\(fontFamily)\">\n" + texts.joined(separator: "\n") + "\n</g>\n"
        added += "<g id=\"ser-layout\" display=\"none\">\n"
        for legend in layout.legends {
            added +=
                "<rect class=\"legend\" x=\"\(number(legend.x))\" y=\"\(number(legend.y))\" width=\"\(number(legend.width))\" height=\"\(number(legend.height))\"/>\n"
        }
        for line in layout.dataLines {
            added += "<polyline class=\"data\" points=\"" + line.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ") + "\"/>\n"
        }
        added += "</g>\n"
        document.insert(contentsOf: added, at: end.lowerBound)
        return Data(document.utf8)
    }

    /// `value` with at most 2 decimals, no trailing zeros: `String(format: "%.2f")` trimmed
    /// (`-0` written `0`). A figure writes thousands of these, and Foundation's formatting was
    /// most of an SVG's rendering time, so the hundredths are rounded here in integers; only a
    /// value within 10⁻⁶ of a tie (where `value × 100`'s own rounding, below 10⁻⁸ for
    /// |value| < 10⁵, could decide it), a non-finite one or a larger one goes through
    /// `String(format:)`.
    static func number(_ value: Double) -> String {
        let scaled = value * 100
        let rounded = scaled.rounded(.toNearestOrEven)
        guard value.isFinite, abs(value) < 1e5, abs(abs(scaled - rounded) - 0.5) > 1e-6 else {
            var text = String(format: "%.2f", value)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text == "-0" ? "0" : text
        }
        let hundredths = Int64(rounded)
        let magnitude = hundredths.magnitude
        var text = hundredths < 0 ? "-" : ""
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }
}
