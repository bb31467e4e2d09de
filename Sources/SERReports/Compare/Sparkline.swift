/// Eight-level bar sparklines (`▁▂▃▄▅▆▇█`) for per-epoch curves in the terminal.
public enum Sparkline {
    /// The bars, lowest first.
    public static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value on the shared scale `[low, high]` (so two runs' lines can be
    /// compared by eye); a missing or non-finite value is a space. More than `width` values are
    /// averaged in equal buckets first.
    public static func render(_ values: [Double?], low: Double, high: Double, width: Int = 60) -> String {
        let points = downsample(values, to: max(1, width))
        let span = high - low
        return String(
            points.map { value -> Character in
                guard let value, value.isFinite else { return " " }
                guard span > 0, span.isFinite else { return bars[bars.count / 2] }
                let level = Int(((value - low) / span * Double(bars.count - 1)).rounded())
                return bars[min(bars.count - 1, max(0, level))]
            })
    }

    /// The finite range of all values of several series: `nil` when none is finite.
    public static func range(_ series: [[Double?]]) -> (low: Double, high: Double)? {
        let finite = series.flatMap { $0.compactMap { $0 }.filter(\.isFinite) }
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return (low, high)
    }

    /// Averages `values` into at most `width` equal buckets (missing values skipped).
    public static func downsample(_ values: [Double?], to width: Int) -> [Double?] {
        guard values.count > width else { return values }
        return (0..<width).map { bucket in
            let start = bucket * values.count / width, end = max(start + 1, (bucket + 1) * values.count / width)
            let present = values[start..<end].compactMap { $0 }.filter(\.isFinite)
            return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
        }
    }
}
