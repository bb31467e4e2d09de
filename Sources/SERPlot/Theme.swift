/// Sizes and colours shared by every chart, close to matplotlib/seaborn defaults: white
/// background, light grid behind the data, dark-grey text, tab10 series colours.
public struct Theme: Sendable {
    /// Figure background.
    public var background = Color.white
    /// Plot-area background.
    public var plotBackground = Color.white
    /// Grid lines.
    public var grid = Color(hex: 0xE6E6E6)
    /// Axis lines (spines) and tick marks.
    public var axis = Color(hex: 0x4D4D4D)
    /// All text.
    public var text = Color(hex: 0x262626)
    /// Font size of tick labels and legends (points).
    public var tickFontSize = 10.0
    /// Font size of axis labels (points).
    public var labelFontSize = 11.0
    /// Font size of panel titles (points).
    public var titleFontSize = 12.5
    /// Font size of a figure's overall title (points).
    public var figureTitleFontSize = 14.0
    /// Width of data lines (points).
    public var lineWidth = 1.75
    /// Width of grid lines (points).
    public var gridWidth = 0.8
    /// Width of spines and tick marks (points).
    public var axisWidth = 0.9
    /// Length of tick marks (points).
    public var tickLength = 4.0
    /// Blank space around each panel (points).
    public var padding = 10.0

    public init() {}

    /// This theme with every font scaled so that tick labels are `size` points (axis labels
    /// 1.1×, panel titles 1.25×, the figure title 1.4×; matplotlib's proportions), and line
    /// widths, tick lengths and padding scaled alike (`size / 10`), so that a small figure
    /// with small text is not all margins and thick lines.
    public func withFontSize(_ size: Double) -> Theme {
        var theme = self
        let f = size / tickFontSize
        theme.tickFontSize = size
        theme.labelFontSize = labelFontSize * f
        theme.titleFontSize = titleFontSize * f
        theme.figureTitleFontSize = figureTitleFontSize * f
        theme.lineWidth = max(0.6, lineWidth * f)
        theme.axisWidth = max(0.4, axisWidth * f)
        theme.gridWidth = max(0.3, gridWidth * f)
        theme.tickLength = tickLength * f
        theme.padding = padding * f
        return theme
    }

    /// The default theme.
    public static let standard = Theme()
}
