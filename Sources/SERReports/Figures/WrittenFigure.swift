/// What a plot command wrote, for `--json`.
public struct WrittenFigure: Encodable {
    public var path: String
    public var format: String
    public var width: Int
    public var height: Int
    /// `px` for PNG, `pt` for SVG and PDF.
    public var unit: String

    public init(path: String, format: String, width: Int, height: Int, unit: String) {
        self.path = path
        self.format = format
        self.width = width
        self.height = height
        self.unit = unit
    }
}
