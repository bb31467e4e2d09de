import Foundation

/// Tick positions at "nice" steps (1, 2 or 5 × 10ⁿ) and their labels.
public enum NiceScale {
    /// The nice step for spreading `span` over at most `count` intervals: the smallest of
    /// 1, 2, 2.5, 5, 10 × 10ⁿ that is ≥ `span / count`. `span` ≤ 0 or non-finite gives 1.
    public static func step(span: Double, count: Int) -> Double {
        guard span.isFinite, span > 0, count > 0 else { return 1 }
        let raw = span / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * magnitude >= raw * (1 - 1e-9) {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// Ticks inside `[lower, upper]` at a nice step: the finest step that gives at most
    /// `count + 2` ticks (matplotlib's `MaxNLocator` behaves alike).
    public static func ticks(lower: Double, upper: Double, count: Int = 6) -> [Double] {
        guard lower.isFinite, upper.isFinite, upper > lower else { return lower.isFinite ? [lower] : [] }
        let step = step(span: upper - lower, count: max(1, count + 1))
        let first = ceil(lower / step - 1e-9), last = floor(upper / step + 1e-9)
        guard last >= first, last - first < 1000 else { return [lower, upper] }
        // Round to the step's decimals so that 3 × 0.2 is 0.6, not 0.6000000000000001.
        let scale = pow(10, Double(decimalsNeeded(step)))
        return stride(from: first, through: last, by: 1).map { k in
            let value = ((k * step) * scale).rounded() / scale
            return value == 0 ? 0 : value
        }
    }

    /// The range `[lower, upper]` of `values` widened by `margin` (fraction of the span) on
    /// each side, as matplotlib's autoscale does; constant values `v` get `0…2v` (±0.5 around 0).
    public static func paddedRange(_ values: [Double], margin: Double = 0.05, includeZero: Bool = false) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard var lo = finite.min(), var hi = finite.max() else { return 0...1 }
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi == lo {
            // Constant data: an axis from 0 to twice the value (the value in the middle), so
            // that ticks are no finer than the data (a constant learning rate of 1e-3 reads
            // 0 … 2e-3, not 9.6e-4 … 1.04e-3).
            if lo == 0 { return -0.5...0.5 }
            return lo > 0 ? 0...(2 * lo) : (2 * lo)...0
        }
        let pad = (hi - lo) * margin
        let lower = includeZero && lo == 0 ? 0 : lo - pad
        let upper = includeZero && hi == 0 ? 0 : hi + pad
        return lower...upper
    }

    /// Labels for `ticks` with just enough decimals to tell them apart (`0.25`, `0.5`, `1`
    /// style: trailing zeros kept uniform within an axis), large values with thousands
    /// suffixes (`12k`).
    public static func labels(_ ticks: [Double]) -> [String] {
        guard ticks.count > 1 else { return ticks.map { format($0, decimals: $0 == $0.rounded() ? 0 : 2) } }
        let step = zip(ticks.dropFirst(), ticks).map { $0 - $1 }.min() ?? 1
        let largest = ticks.map(\.magnitude).max() ?? 0
        if largest >= 100_000, step >= 1000 {
            let thousands = ticks.map { $0 / 1000 }
            let decimals = decimalsNeeded(step / 1000)
            return thousands.map { format($0, decimals: decimals) + "k" }
        }
        if largest > 0, largest < 1e-3 {
            // Tiny values (learning rates) in scientific notation: `9.6e-4`.
            let exponent = floor(log10(largest))
            let decimals = decimalsNeeded(step / pow(10, exponent))
            return ticks.map { $0 == 0 ? "0" : scientific($0, decimals: decimals) }
        }
        let decimals = max(decimalsNeeded(step), ticks.map(decimalsNeeded).max() ?? 0)
        return ticks.map { format($0, decimals: decimals) }
    }

    /// The fewest decimals (0…6) that write `value` exactly (to 1e-6 relative).
    static func decimalsNeeded(_ value: Double) -> Int {
        for d in 0...6 {
            let scaled = value * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled)) { return d }
        }
        return 6
    }

    private static func scientific(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)e", value).replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+0", with: "e")
    }

    private static func format(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        // "-0" and "-0.00" read as a bug.
        if text.hasPrefix("-"), Double(text) == 0 { return String(text.dropFirst()) }
        return text
    }
}
