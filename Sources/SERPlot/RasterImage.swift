internal import CCairo
public import Foundation

/// A decoded PNG: its size and pixels, read through cairo. Used to check rendered output
/// (size, blankness, colour count) in tests and in the report's browser check.
public struct RasterImage: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height` pixels as `0xAARRGGBB` (premultiplied alpha), row-major, top row first.
    public let pixels: [UInt32]

    /// Decodes PNG bytes.
    ///
    /// - Throws: ``PlotError`` `.decoding` when the bytes are not a PNG cairo can read.
    public init(png data: Data) throws {
        let source = ByteSource(data)
        let unmanaged = Unmanaged.passUnretained(source).toOpaque()
        guard let surface = cairo_image_surface_create_from_png_stream(readFromSource, unmanaged) else {
            throw PlotError(.decoding, "cairo returned no surface")
        }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError(.decoding, "not a readable PNG: \(String(cString: cairo_status_to_string(status)))")
        }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels = [UInt32](repeating: 0, count: width * height)
        if let base = cairo_image_surface_get_data(surface) {
            let format = cairo_image_surface_get_format(surface)
            for y in 0..<height {
                let row = UnsafeRawPointer(base + y * stride)
                for x in 0..<width {
                    switch format {
                    case CAIRO_FORMAT_ARGB32: pixels[y * width + x] = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                    case CAIRO_FORMAT_RGB24: pixels[y * width + x] = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self) | 0xFF00_0000
                    default: pixels[y * width + x] = 0
                    }
                }
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// An image from raw pixels (`0xAARRGGBB`, row-major).
    public init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Reads and decodes a PNG file.
    ///
    /// - Throws: ``PlotError`` `.io` if the file cannot be read, `.decoding` if it is not a PNG.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlotError(.io, path: path, "cannot be read")
        }
        do { try self.init(png: data) } catch let error as PlotError {
            throw PlotError(error.code, path: path, error.reason)
        }
    }

    /// The number of distinct pixel values (stops counting at `limit`).
    public func distinctColors(limit: Int = 100_000) -> Int {
        var seen = Set<UInt32>()
        for p in pixels {
            seen.insert(p)
            if seen.count >= limit { break }
        }
        return seen.count
    }

    /// The fraction of pixels that differ from the top-left pixel (0 for a blank image).
    public var inkFraction: Double {
        guard let background = pixels.first, !pixels.isEmpty else { return 0 }
        return Double(pixels.lazy.filter { $0 != background }.count) / Double(pixels.count)
    }
}

/// Feeds bytes to cairo's PNG reader.
final class ByteSource {
    let data: Data
    var offset = 0
    init(_ data: Data) { self.data = data }
}

private let readFromSource: cairo_read_func_t = { closure, buffer, length in
    guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
    let count = Int(length)
    guard source.offset + count <= source.data.count else { return CAIRO_STATUS_READ_ERROR }
    source.data.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        buffer.update(from: base.advanced(by: source.offset).assumingMemoryBound(to: UInt8.self), count: count)
    }
    source.offset += count
    return CAIRO_STATUS_SUCCESS
}
