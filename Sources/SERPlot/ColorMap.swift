/// A sequential colour map: a value in [0, 1] → a colour, by linear interpolation between
/// evenly spaced stops.
///
/// ``viridis`` and ``magma`` are matplotlib's (Smith & van der Walt, 2015, CC0), sampled at
/// every 8th of their 256 entries plus the last (33 stops); linear interpolation between
/// them is visually indistinguishable from the full table.
public struct ColorMap: Sendable, Equatable {
    /// Name as matplotlib spells it (`viridis`, `magma`, `gray`).
    public let name: String
    /// The stops as (r, g, b) in [0, 1], evenly spaced from 0 to 1.
    let stops: [(Double, Double, Double)]

    public init(name: String, stops: [(Double, Double, Double)]) {
        precondition(stops.count >= 2, "a colour map needs at least two stops")
        self.name = name
        self.stops = stops
    }

    public static func == (a: ColorMap, b: ColorMap) -> Bool { a.name == b.name }

    /// The colour of `t` in [0, 1]; values outside are clamped; NaN maps to the lowest colour.
    public func color(_ t: Double) -> Color {
        let (r, g, b) = rgb(t)
        return Color(red: r, green: g, blue: b)
    }

    /// `0xFFRRGGBB` of `t`, for rasters.
    public func argb(_ t: Double) -> UInt32 {
        let (r, g, b) = rgb(t)
        func byte(_ v: Double) -> UInt32 { UInt32((v * 255).rounded()) }
        return 0xFF00_0000 | (byte(r) << 16) | (byte(g) << 8) | byte(b)
    }

    private func rgb(_ t: Double) -> (Double, Double, Double) {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = clamped * Double(stops.count - 1)
        let i = min(Int(position), stops.count - 2)
        let f = position - Double(i)
        let a = stops[i], b = stops[i + 1]
        return (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    /// A colour map by name (`viridis`, `magma`, `gray`/`grey`, `blues`).
    public static func named(_ name: String) -> ColorMap? {
        switch name.lowercased() {
        case "viridis": viridis
        case "magma": magma
        case "gray", "grey": gray
        case "blues": blues
        default: nil
        }
    }

    /// Black to white.
    public static let gray = ColorMap(name: "gray", stops: [(0, 0, 0), (1, 1, 1)])

    /// White to dark blue (ColorBrewer Blues, as seaborn's confusion matrices use).
    public static let blues = ColorMap(
        name: "Blues",
        stops: [
            (0.968627, 0.984314, 1.0), (0.870588, 0.921569, 0.968627), (0.776471, 0.858824, 0.937255),
            (0.619608, 0.792157, 0.882353), (0.419608, 0.682353, 0.839216), (0.258824, 0.572549, 0.776471),
            (0.129412, 0.443137, 0.709804), (0.031373, 0.317647, 0.611765), (0.031373, 0.188235, 0.419608),
        ])

    /// matplotlib's default perceptually uniform map: dark purple → blue → green → yellow.
    public static let viridis = ColorMap(
        name: "viridis",
        stops: [
            (0.267004, 0.004874, 0.329415), (0.277018, 0.050344, 0.375715), (0.282327, 0.094955, 0.417331),
            (0.282884, 0.135920, 0.453427), (0.278826, 0.175490, 0.483397), (0.270595, 0.214069, 0.507052),
            (0.258965, 0.251537, 0.524736), (0.244972, 0.287675, 0.537260), (0.229739, 0.322361, 0.545706),
            (0.214298, 0.355619, 0.551184), (0.199430, 0.387607, 0.554642), (0.185556, 0.418570, 0.556753),
            (0.172719, 0.448791, 0.557885), (0.160665, 0.478540, 0.558115), (0.149039, 0.508051, 0.557250),
            (0.137770, 0.537492, 0.554906), (0.127568, 0.566949, 0.550556), (0.120565, 0.596422, 0.543611),
            (0.120638, 0.625828, 0.533488), (0.132268, 0.655014, 0.519661), (0.157851, 0.683765, 0.501686),
            (0.196571, 0.711827, 0.479221), (0.246070, 0.738910, 0.452024), (0.304148, 0.764704, 0.419943),
            (0.369214, 0.788888, 0.382914), (0.440137, 0.811138, 0.340967), (0.515992, 0.831158, 0.294279),
            (0.595839, 0.848717, 0.243329), (0.678489, 0.863742, 0.189503), (0.762373, 0.876424, 0.137064),
            (0.845561, 0.887322, 0.099702), (0.926106, 0.897330, 0.104071), (0.993248, 0.906157, 0.143936),
        ])

    /// matplotlib's `magma`: black → purple → orange → pale yellow (good for spectrograms).
    public static let magma = ColorMap(
        name: "magma",
        stops: [
            (0.001462, 0.000466, 0.013866), (0.013708, 0.011771, 0.068667), (0.039608, 0.031090, 0.133515),
            (0.074257, 0.052017, 0.202660), (0.113094, 0.065492, 0.276784), (0.159018, 0.068354, 0.352688),
            (0.211718, 0.061992, 0.418647), (0.265447, 0.060237, 0.461840), (0.316654, 0.071690, 0.485380),
            (0.366012, 0.090314, 0.497960), (0.414709, 0.110431, 0.504662), (0.463508, 0.129893, 0.507652),
            (0.512831, 0.148179, 0.507648), (0.562866, 0.165368, 0.504692), (0.613617, 0.181811, 0.498536),
            (0.664915, 0.198075, 0.488836), (0.716387, 0.214982, 0.475290), (0.767398, 0.233705, 0.457755),
            (0.816914, 0.255895, 0.436461), (0.863320, 0.283729, 0.412403), (0.904281, 0.319610, 0.388137),
            (0.937221, 0.364929, 0.368567), (0.960949, 0.418323, 0.359630), (0.976690, 0.476226, 0.364466),
            (0.986700, 0.535582, 0.382210), (0.992785, 0.594891, 0.410283), (0.996096, 0.653659, 0.446213),
            (0.997325, 0.711848, 0.488154), (0.996898, 0.769591, 0.534892), (0.995131, 0.827052, 0.585701),
            (0.992440, 0.884330, 0.640099), (0.989434, 0.941470, 0.697519), (0.987053, 0.991438, 0.749504),
        ])
}
