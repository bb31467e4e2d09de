/// The file formats a figure renders to; all come from the same drawing code.
public enum RenderFormat: String, CaseIterable, Sendable {
    /// Raster, 8-bit RGBA, anti-aliased; pixel size = figure size (points) × scale.
    case png
    /// Vector; text as glyph outlines, heatmaps as embedded PNG images.
    case svg
    /// Vector, one page the size of the figure (points = 1/72 inch).
    case pdf

    /// The file-name extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The MIME type, for HTML embedding.
    public var mimeType: String {
        switch self {
        case .png: "image/png"
        case .svg: "image/svg+xml"
        case .pdf: "application/pdf"
        }
    }

    /// The format a path's extension names (`.png`, `.svg`, `.pdf`, any case), if any.
    public init?(pathExtension path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}
