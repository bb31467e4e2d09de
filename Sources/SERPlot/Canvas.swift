internal import CCairo
public import Foundation

/// A drawing surface: the one Swift face of cairo's drawing calls.
///
/// Coordinates are points with the origin at the top-left and y growing downwards. A PNG
/// canvas maps one point to `scale` pixels; SVG and PDF canvases are vector and measured in
/// points (1/72 inch). Text uses cairo's toy font API with DejaVu Sans, anti-aliased, with
/// unhinted metrics so that layout is the same in every format.
public final class Canvas {
    let context: OpaquePointer
    /// Width of the drawing area (points).
    public let width: Double
    /// Height of the drawing area (points).
    public let height: Double
    /// The font family every text uses.
    public static let fontFamily = "DejaVu Sans"

    /// Whether the output is SVG or PDF (whose viewers smooth embedded images).
    let isVector: Bool
    /// Where every text, legend and data line went, as drawn so far.
    public private(set) var layout: FigureLayout
    /// With SVG output: the `<text>` elements, written by ``text(_:at:size:color:anchor:rotation:bold:)``
    /// instead of cairo's glyph outlines (see ``SVGText``).
    var svgTexts: [String]?

    init(context: OpaquePointer, width: Double, height: Double, isVector: Bool = false, svgText: Bool = false) {
        self.context = context
        self.isVector = isVector
        self.width = width
        self.height = height
        self.layout = FigureLayout(width: width, height: height)
        self.svgTexts = svgText ? [] : nil
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
    }

    // MARK: Rendering a whole picture

    /// Draws a picture of `width × height` points and encodes it.
    ///
    /// - Parameters:
    ///   - scale: pixels per point for PNG (ignored by SVG and PDF).
    ///   - draw: the drawing; called once.
    /// - Returns: the encoded file bytes.
    /// - Throws: ``PlotError`` `.rendering` when cairo reports an error.
    public static func render(
        width: Double, height: Double, format: RenderFormat, scale: Double = 1,
        draw: (Canvas) throws -> Void
    ) throws -> Data {
        try renderWithLayout(width: width, height: height, format: format, scale: scale, draw: draw).data
    }

    /// ``render(width:height:format:scale:draw:)``, also returning where the drawing put its
    /// texts, legends and data lines.
    ///
    /// PNG files carry a `pHYs` chunk of `72 × scale` pixels per inch, so that a paper or a
    /// word processor places them at their size in points. SVG files have real `<text>`
    /// elements (editable, searchable) and a hidden `<g id="ser-layout">` with the legend
    /// boxes and data lines.
    public static func renderWithLayout(
        width: Double, height: Double, format: RenderFormat, scale: Double = 1,
        draw: (Canvas) throws -> Void
    ) throws -> (data: Data, layout: FigureLayout) {
        let sink = ByteSink()
        let unmanaged = Unmanaged.passUnretained(sink).toOpaque()
        let surface: OpaquePointer?
        switch format {
        case .png:
            let w = Int32(max(1, (width * scale).rounded())), h = Int32(max(1, (height * scale).rounded()))
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)
        case .svg:
            surface = cairo_svg_surface_create_for_stream(writeToSink, unmanaged, width, height)
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(writeToSink, unmanaged, width, height)
        }
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw PlotError(.rendering, "cairo could not create a \(format.rawValue) surface of \(width)×\(height) points")
        }
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else {
            throw PlotError(.rendering, "cairo could not create a drawing context")
        }
        if format == .png { cairo_scale(context, scale, scale) }
        let canvas = Canvas(context: context, width: width, height: height, isVector: format != .png, svgText: format == .svg)
        do {
            try draw(canvas)
        } catch {
            cairo_destroy(context)
            throw error
        }
        let status = cairo_status(context)
        cairo_destroy(context)
        try check(status, "drawing")
        switch format {
        case .png:
            cairo_surface_flush(surface)
            try check(cairo_surface_write_to_png_stream(surface, writeToSink, unmanaged), "PNG encoding")
            return (PNGResolution.withPixelsPerInch(sink.data, 72 * scale), canvas.layout)
        case .svg:
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), "svg encoding")
            return (SVGText.inject(canvas.svgTexts ?? [], layout: canvas.layout, into: sink.data), canvas.layout)
        case .pdf:
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), "pdf encoding")
            return (sink.data, canvas.layout)
        }
    }

    private static func check(_ status: cairo_status_t, _ stage: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError(.rendering, "cairo failed during \(stage): \(String(cString: cairo_status_to_string(status)))")
        }
    }

    // MARK: Shapes

    /// Fills a rectangle.
    public func fill(_ rect: Rect, _ color: Color) {
        set(color)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    /// Strokes a rectangle's outline with a line `lineWidth` points wide.
    public func stroke(_ rect: Rect, _ color: Color, lineWidth: Double) {
        set(color)
        cairo_set_line_width(context, lineWidth)
        cairo_set_dash(context, nil, 0, 0)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(context)
    }

    /// Strokes a connected line through `points`; `dash` is an on/off pattern in points.
    /// Points with a non-finite coordinate break the line.
    public func polyline(_ points: [Point], _ color: Color, lineWidth: Double, dash: [Double] = []) {
        guard points.count > 1 else { return }
        set(color)
        cairo_set_line_width(context, lineWidth)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        var penDown = false
        for p in points {
            guard p.x.isFinite, p.y.isFinite else { penDown = false; continue }
            if penDown { cairo_line_to(context, p.x, p.y) } else { cairo_move_to(context, p.x, p.y) }
            penDown = true
        }
        cairo_stroke(context)
        cairo_set_dash(context, nil, 0, 0)
    }

    /// Notes `points` as a data line (for ``layout``); draw it with ``polyline(_:_:lineWidth:dash:)``.
    public func recordDataLine(_ points: [Point]) {
        var current: [Point] = []
        for p in points {
            if p.x.isFinite && p.y.isFinite {
                current.append(p)
            } else {
                if !current.isEmpty { layout.dataLines.append(current) }
                current = []
            }
        }
        if !current.isEmpty { layout.dataLines.append(current) }
    }

    /// Notes a legend's box (for ``layout``).
    public func recordLegend(_ box: Rect) {
        layout.legends.append(box)
    }

    /// A straight line segment.
    public func line(from a: Point, to b: Point, _ color: Color, lineWidth: Double, dash: [Double] = []) {
        polyline([a, b], color, lineWidth: lineWidth, dash: dash)
    }

    /// Fills a closed polygon.
    public func fillPolygon(_ points: [Point], _ color: Color) {
        guard let first = points.first else { return }
        set(color)
        cairo_move_to(context, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(context, p.x, p.y) }
        cairo_close_path(context)
        cairo_fill(context)
    }

    /// A circle of `radius` points, filled and/or outlined.
    public func circle(center: Point, radius: Double, fill: Color?, stroke: Color? = nil, lineWidth: Double = 1) {
        cairo_new_sub_path(context)
        cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
        if let fill {
            set(fill)
            if stroke != nil { cairo_fill_preserve(context) } else { cairo_fill(context) }
        }
        if let stroke {
            set(stroke)
            cairo_set_line_width(context, lineWidth)
            cairo_stroke(context)
        }
        cairo_new_path(context)
    }

    /// Runs `body` with drawing restricted to `rect`.
    public func clipped(to rect: Rect, _ body: () -> Void) {
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        body()
        cairo_restore(context)
    }

    // MARK: Text

    /// The advance width and the line height (ascent + descent) of `text`, in points.
    public func measure(_ text: String, size: Double, bold: Bool = false) -> (width: Double, height: Double) {
        selectFont(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        var font = cairo_font_extents_t()
        cairo_font_extents(context, &font)
        return (extents.x_advance, font.ascent + font.descent)
    }

    /// The largest font size ≤ `size` (and ≥ `minimum`) at which `text` is at most `width`
    /// points wide: long titles shrink instead of running off the canvas.
    public func fittingSize(_ text: String, size: Double, width: Double, bold: Bool = false, minimum: Double = 6) -> Double {
        let natural = measure(text, size: size, bold: bold).width
        guard natural > width, natural > 0 else { return size }
        return max(minimum, size * width / natural)
    }

    /// The box `text` would cover if drawn with these arguments (ink extents, canvas points),
    /// without drawing it: for placing labels where they fit.
    public func textBox(
        _ text: String, at point: Point, size: Double, anchor: TextAnchor = .center, rotation: Double = 0, bold: Bool = false
    ) -> Rect {
        placement(text, at: point, size: size, anchor: anchor, rotation: rotation, bold: bold).box
    }

    /// Where cairo puts the baseline origin of `text` (offset from `point` before rotation)
    /// and the ink box it covers.
    private func placement(
        _ text: String, at point: Point, size: Double, anchor: TextAnchor, rotation: Double, bold: Bool
    ) -> (dx: Double, dy: Double, box: Rect) {
        selectFont(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        var font = cairo_font_extents_t()
        cairo_font_extents(context, &font)
        let dx: Double =
            switch anchor.horizontal {
            case .left: 0
            case .center: -extents.x_advance / 2
            case .right: -extents.x_advance
            }
        // Vertical placement uses the font's ascent/descent, not the glyphs', so that labels
        // of one row line up whatever their letters.
        let ascent = font.ascent * 0.8
        let dy: Double =
            switch anchor.vertical {
            case .top: ascent
            case .middle: ascent / 2 - font.descent / 4
            case .baseline: 0
            case .bottom: -font.descent
            }
        // The ink rectangle relative to the rotated origin, then rotated into canvas space
        // (cairo_rotate(-θ): (u, v) → (u cos θ + v sin θ, −u sin θ + v cos θ)).
        let x0 = dx + extents.x_bearing, y0 = dy + extents.y_bearing
        let corners = [(x0, y0), (x0 + extents.width, y0), (x0, y0 + extents.height), (x0 + extents.width, y0 + extents.height)]
        let theta = rotation * Double.pi / 180
        let c = cos(theta), s = sin(theta)
        let mapped = corners.map { u, v in (point.x + u * c + v * s, point.y - u * s + v * c) }
        let xs = mapped.map(\.0), ys = mapped.map(\.1)
        let minX = xs.min() ?? point.x, minY = ys.min() ?? point.y
        return (dx, dy, Rect(x: minX, y: minY, width: (xs.max() ?? minX) - minX, height: (ys.max() ?? minY) - minY))
    }

    /// Draws one line of text.
    ///
    /// - Parameters:
    ///   - point: the reference point, placed on the text box as `anchor` says.
    ///   - size: font size (points).
    ///   - rotation: counter-clockwise angle in degrees about `point` (90 reads bottom-up).
    public func text(
        _ text: String, at point: Point, size: Double, color: Color = .black, anchor: TextAnchor = .center,
        rotation: Double = 0, bold: Bool = false
    ) {
        guard !text.isEmpty else { return }
        let (dx, dy, box) = placement(text, at: point, size: size, anchor: anchor, rotation: rotation, bold: bold)
        layout.texts.append(FigureLayout.Text(string: text, box: box))
        if svgTexts != nil {
            svgTexts?.append(
                SVGText.element(
                    text, origin: point, dy: dy, anchor: anchor.horizontal, size: size, color: color, rotation: rotation,
                    bold: bold, box: box))
            return
        }
        selectFont(size: size, bold: bold)
        cairo_save(context)
        cairo_translate(context, point.x, point.y)
        if rotation != 0 { cairo_rotate(context, -rotation * Double.pi / 180) }
        set(color)
        cairo_move_to(context, dx, dy)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    private func selectFont(size: Double, bold: Bool) {
        cairo_select_font_face(
            context, Self.fontFamily, CAIRO_FONT_SLANT_NORMAL,
            bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
    }

    // MARK: Images

    /// Paints a raster of `columns × rows` colours (row 0 at the top) stretched over `rect`.
    ///
    /// - Parameters:
    ///   - pixels: `rows * columns` opaque colours as `0xAARRGGBB`, row-major.
    ///   - smooth: bilinear interpolation when stretching; nearest-neighbour otherwise.
    public func image(pixels: [UInt32], columns: Int, rows: Int, in rect: Rect, smooth: Bool) {
        guard columns > 0, rows > 0, pixels.count == columns * rows else { return }
        // SVG and PDF viewers interpolate embedded images whatever cairo's filter says, so
        // hard-edged cells are enlarged here (whole-pixel replication, at most 4 Mpixel).
        if isVector && !smooth {
            let fx = max(1, Int((rect.width / Double(columns)).rounded(.up)))
            let fy = max(1, Int((rect.height / Double(rows)).rounded(.up)))
            if fx * fy > 1 && columns * fx * rows * fy <= 4_000_000 {
                var big = [UInt32](repeating: 0, count: columns * fx * rows * fy)
                for r in 0..<(rows * fy) {
                    let source = (r / fy) * columns, target = r * columns * fx
                    for c in 0..<(columns * fx) { big[target + c] = pixels[source + c / fx] }
                }
                image(pixels: big, columns: columns * fx, rows: rows * fy, in: rect, smooth: false)
                return
            }
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(columns), Int32(rows)),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
            let base = cairo_image_surface_get_data(surface)
        else { return }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        pixels.withUnsafeBufferPointer { source in
            for r in 0..<rows {
                let row = UnsafeMutableRawPointer(base + r * stride).bindMemory(to: UInt32.self, capacity: columns)
                for c in 0..<columns { row[c] = source[r * columns + c] | 0xFF00_0000 }
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(columns), rect.height / Double(rows))
        cairo_set_source_surface(context, surface, 0, 0)
        let pattern = cairo_get_source(context)
        cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_paint(context)
        cairo_restore(context)
    }

    private func set(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }
}

/// Collects the bytes cairo's stream writers produce.
final class ByteSink {
    var data = Data()
}

/// cairo's write callback: appends to the ``ByteSink`` passed as the closure argument.
private let writeToSink: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
}
