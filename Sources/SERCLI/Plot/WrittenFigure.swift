/// What a plot command wrote, for `--json`.
struct WrittenFigure: Encodable {
    var path: String
    var format: String
    var width: Int
    var height: Int
    /// `px` for PNG, `pt` for SVG and PDF.
    var unit: String
}
