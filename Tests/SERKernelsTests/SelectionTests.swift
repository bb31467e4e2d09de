import Foundation
import SERCore
import SERKernels
import Testing

/// The selection kernels against a full sort: the same values in the same order, on rows
/// shaped like spectra and on the awkward cases (ties, all zeros, rows shorter than a block,
/// q above the vector width).
@Suite struct SelectionTests {
    /// Rows of `n` values of one of four kinds.
    static func row(kind: Int, n: Int, rng: inout SeededGenerator) -> [Float] {
        (0..<n).map { i in
            switch kind {
            case 0: Float.random(in: 0..<1, using: &rng)
            case 1: Float(Int.random(in: 0..<4, using: &rng))  // many ties
            case 2: 0  // digital silence
            default: expf(-Float(i) * 0.01) * Float.random(in: 1..<2, using: &rng)  // falling spectrum
            }
        }
    }

    @Test func smallestAndLargestEqualTheEndsOfASort() {
        var rng = SeededGenerator(seed: 7)
        var out = [Float](repeating: 0, count: 32)
        var cases = 0
        for n in [1, 2, 7, 8, 9, 15, 16, 17, 18, 19, 37, 74, 149, 297, 431, 600] {
            for q in Set([1, 2, 3, 6, 8, 9, 16, 17, 20].map { min($0, n) }) {
                for kind in 0..<4 {
                    let values = Self.row(kind: kind, n: n, rng: &rng)
                    let sorted = values.sorted()
                    ser_select_smallest(values, n, q, &out)
                    #expect(Array(out.prefix(q)) == Array(sorted.prefix(q)), "smallest n \(n) q \(q) kind \(kind)")
                    ser_select_largest(values, n, q, &out)
                    #expect(Array(out.prefix(q)) == Array(sorted.suffix(q)), "largest n \(n) q \(q) kind \(kind)")
                    cases += 1
                }
            }
        }
        #expect(cases > 400)
    }

    @Test func medianIsNumpysMedian() {
        var rng = SeededGenerator(seed: 11)
        for n in [1, 2, 3, 4, 5, 10, 11, 100, 1_001, 4_096] {
            for kind in 0..<4 {
                var values = Self.row(kind: kind, n: n, rng: &rng)
                let sorted = values.sorted()
                let expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
                #expect(ser_median(&values, n) == expected, "n \(n) kind \(kind)")
            }
        }
    }

    @Test func firstNonFiniteFindsTheFirstOnly() {
        var values = [Float](repeating: 1, count: 300)
        #expect(ser_first_nonfinite(values, values.count) == -1)
        values[200] = .infinity
        values[130] = .nan
        #expect(ser_first_nonfinite(values, values.count) == 130)
        values[3] = -.infinity
        #expect(ser_first_nonfinite(values, values.count) == 3)
        #expect(ser_first_nonfinite(values, 3) == -1)
    }

    @Test func maxIsTheLargest() {
        var rng = SeededGenerator(seed: 3)
        for n in [1, 15, 16, 17, 1_025] {
            let values = (0..<n).map { _ in Float.random(in: -5..<5, using: &rng) }
            #expect(ser_max(values, n) == values.max())
        }
    }
}
