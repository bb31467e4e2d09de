import Foundation

/// One axis of a sweep picture: a hyperparameter (or a score) whose value each trial takes.
/// Numbers are placed by value (on a log scale when they span a factor of 10 or more and are
/// all positive, as learning rates do) with ticks at exactly the values present, so that no
/// tick is finer than the data; anything else is a category, in the order given.
public struct ParameterAxis: Sendable {
    /// Axis title.
    public var label: String
    /// One value per trial (`nil`: the trial has none, e.g. it failed before a score).
    public var values: [Value?]
    /// The order of categorical values (default: first appearance).
    public var categories: [String]
    /// A score reported but not used to choose (test): drawn grey and dashed.
    public var reportOnly: Bool
    /// Fixed numeric range (e.g. `0…1` for accuracies); `nil` fits the values.
    public var range: ClosedRange<Double>?

    /// A trial's value on this axis.
    public enum Value: Sendable, Equatable {
        case number(Double)
        case category(String)
    }

    public init(label: String, values: [Value?], categories: [String]? = nil, reportOnly: Bool = false, range: ClosedRange<Double>? = nil) {
        self.label = label
        self.values = values
        var seen: [String] = []
        for case .category(let c)? in values where !seen.contains(c) { seen.append(c) }
        self.categories = (categories ?? []).filter(seen.contains) + seen.filter { !(categories ?? []).contains($0) }
        self.reportOnly = reportOnly
        self.range = range
    }

    /// Whether every present value is a number.
    public var isNumeric: Bool {
        values.allSatisfy { if case .category? = $0 { false } else { true } } && values.contains { $0 != nil }
    }

    var numbers: [Double] { values.compactMap { if case .number(let v)? = $0 { v } else { nil } }.filter(\.isFinite) }

    /// Whether numbers are placed on a log scale.
    public var isLogarithmic: Bool {
        guard isNumeric, range == nil, let lo = numbers.min(), let hi = numbers.max(), lo > 0 else { return false }
        return hi / lo >= 10
    }

    /// Where `value` lies on the axis, 0 (bottom/left) … 1 (top/right); `nil` if absent.
    public func fraction(_ value: Value?) -> Double? {
        guard let value else { return nil }
        switch value {
        case .category(let c):
            guard let i = categories.firstIndex(of: c) else { return nil }
            return categories.count == 1 ? 0.5 : 0.05 + 0.9 * Double(i) / Double(categories.count - 1)
        case .number(let v):
            guard v.isFinite else { return nil }
            let t: (Double) -> Double = isLogarithmic ? { log10($0) } : { $0 }
            let (lo, hi): (Double, Double)
            if let range { (lo, hi) = (range.lowerBound, range.upperBound) } else { (lo, hi) = (numbers.min() ?? v, numbers.max() ?? v) }
            guard t(hi) > t(lo) else { return 0.5 }
            let f = (t(v) - t(lo)) / (t(hi) - t(lo))
            return range == nil ? 0.05 + 0.9 * f : f
        }
    }

    /// Ticks as (fraction, label): every distinct value present (at most `limit`; beyond it,
    /// evenly chosen ones), or for a fixed range nice steps within it.
    public func ticks(limit: Int = 8) -> [(fraction: Double, label: String)] {
        if !isNumeric {
            return categories.compactMap { c in fraction(.category(c)).map { ($0, c) } }
        }
        if let range {
            let values = NiceScale.ticks(lower: range.lowerBound, upper: range.upperBound, count: 5)
            return zip(values, NiceScale.labels(values)).compactMap { v, label in fraction(.number(v)).map { ($0, label) } }
        }
        var distinct = Array(Set(numbers)).sorted()
        if distinct.count > limit {
            distinct = (0..<limit).map { distinct[$0 * (distinct.count - 1) / (limit - 1)] }
        }
        return distinct.compactMap { v in fraction(.number(v)).map { ($0, Self.format(v)) } }
    }

    /// `3e-4`, `0.25`, `128`: the shortest exact-looking label of a swept value.
    public static func format(_ v: Double) -> String {
        if v != 0, abs(v) <= 1e-2 || abs(v) >= 1e5 {
            let exponent = floor(log10(abs(v)))
            var mantissa = String(format: "%.2f", v / pow(10, exponent))
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
            return "\(mantissa)e\(Int(exponent))"
        }
        if v == v.rounded() { return String(Int(v)) }
        var text = String(format: "%.4f", v)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
