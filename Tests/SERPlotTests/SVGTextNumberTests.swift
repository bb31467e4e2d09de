import Foundation
import Testing

@testable import SERPlot

/// SVG numbers: the integer rounding must write exactly what `String(format: "%.2f")` trimmed
/// of trailing zeros writes, the reference it replaced.
@Suite struct SVGTextNumberTests {
    static func reference(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    @Test func edgeCasesMatchPrintf() {
        let values: [Double] = [
            0, -0.0, 0.001, -0.001, 0.004999, 0.005, 0.015, 0.025, 0.125, 0.375, -0.125, 1.005, 2.675, 0.1, 0.2, 0.3, 0.5, -0.5,
            1, -1, 10, 100.1, 99.995, 99.994999, 1234.5678, -1234.5678, 99999.994, 99999.996, 1e5, 1e12, -1e12, 1e13, 1e20, .nan, .infinity,
            -.infinity,
            Double.leastNonzeroMagnitude, 0.045, 0.055, 0.065, 1.045, 1.055, 1.065,
        ]
        for value in values {
            #expect(SVGText.number(value) == Self.reference(value), "\(value)")
        }
    }

    @Test func randomCoordinatesMatchPrintf() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200_000 {
            // Canvas coordinates and sizes, and values on a grid of thousandths (many ties).
            let value =
                Bool.random(using: &generator)
                ? Double.random(in: -5000...5000, using: &generator)
                : Double(Int.random(in: -2_000_000...2_000_000, using: &generator)) / 1000
            #expect(SVGText.number(value) == Self.reference(value), "\(value)")
        }
    }
}
