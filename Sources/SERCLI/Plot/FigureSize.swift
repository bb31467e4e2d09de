import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation

/// A figure size for `--size`: `WxH` with a unit, `in`, `cm`, `mm` or `pt` (`6x4in`,
/// `432x288pt`, `17x11cm`), kept in points (1/72 inch), the unit figures are drawn in.
struct FigureSize: ExpressibleByArgument, Equatable {
    /// Width (points).
    var width: Double
    /// Height (points).
    var height: Double

    /// Points per unit.
    static let units: [(suffix: String, points: Double)] = [("in", 72), ("pt", 1), ("cm", 72 / 2.54), ("mm", 72 / 25.4)]

    /// The smallest and largest side accepted (points): 1 inch to 100 inches.
    static let limits: ClosedRange<Double> = 72...7200

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    init?(argument: String) {
        guard let parsed = try? Self.parse(argument) else { return nil }
        self = parsed
    }

    /// Parses `WxH<unit>`.
    ///
    /// - Throws: `ValidationError` naming the text and the rule it breaks.
    static func parse(_ text: String) throws -> FigureSize {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard let unit = units.first(where: { lower.hasSuffix($0.suffix) }) else {
            throw ValidationError("--size \(text): give a unit, e.g. 6x4in, 432x288pt, 16x10cm (in, pt, cm or mm).")
        }
        let numbers = lower.dropLast(unit.suffix.count).split(separator: "x", omittingEmptySubsequences: false)
        guard numbers.count == 2, let w = Double(numbers[0]), let h = Double(numbers[1]), w.isFinite, h.isFinite else {
            throw ValidationError("--size \(text): expected WIDTHxHEIGHT with a unit, e.g. 6x4in.")
        }
        let size = FigureSize(width: w * unit.points, height: h * unit.points)
        guard limits.contains(size.width), limits.contains(size.height) else {
            throw ValidationError("--size \(text): each side must be between 1 and 100 inches (72…7200 pt).")
        }
        return size
    }
}
