/// The five numbers a box plot draws, computed as matplotlib's `boxplot` does: quartiles by
/// linear interpolation (numpy's default), whiskers at the most extreme values within
/// 1.5 × IQR of the box, everything beyond as outliers.
public struct BoxStatistics: Sendable, Equatable {
    /// Lowest value within 1.5 × IQR below Q1.
    public var lowerWhisker: Double
    /// First quartile (25th percentile).
    public var q1: Double
    /// Median (50th percentile).
    public var median: Double
    /// Third quartile (75th percentile).
    public var q3: Double
    /// Highest value within 1.5 × IQR above Q3.
    public var upperWhisker: Double
    /// Values beyond the whiskers.
    public var outliers: [Double]
    /// Number of finite values.
    public var count: Int

    /// Statistics of the finite values; `nil` when there are none.
    public init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        q1 = Self.quantile(sorted, 0.25)
        median = Self.quantile(sorted, 0.5)
        q3 = Self.quantile(sorted, 0.75)
        let reach = 1.5 * (q3 - q1)
        let lowLimit = q1 - reach, highLimit = q3 + reach
        lowerWhisker = sorted.first { $0 >= lowLimit } ?? q1
        upperWhisker = sorted.last { $0 <= highLimit } ?? q3
        outliers = sorted.filter { $0 < lowLimit || $0 > highLimit }
        count = sorted.count
    }

    /// The `p`-quantile (0…1) of sorted values by linear interpolation between closest
    /// ranks (numpy `method="linear"`); `sorted` must not be empty.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard sorted.count > 1 else { return sorted.first ?? .nan }
        let position = p * Double(sorted.count - 1)
        let i = Int(position)
        let f = position - Double(i)
        return i + 1 < sorted.count ? sorted[i] + (sorted[i + 1] - sorted[i]) * f : sorted[i]
    }
}
