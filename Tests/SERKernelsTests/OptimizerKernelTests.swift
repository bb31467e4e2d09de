import SERCore
import SERKernels
import Testing

/// The optimizer's vector kernels against the scalar Swift loops they replaced.
@Suite struct OptimizerKernelTests {
    /// Bit for bit the scalar Adam update, at every length around the vector widths (the
    /// AVX-512 clone handles 16 lanes and a scalar tail).
    @Test func adamStepMatchesTheScalarLoopBitForBit() {
        var rng = SeededGenerator(seed: 12)
        for count in [0, 1, 15, 16, 17, 33, 1_000] {
            let gradient = (0..<count).map { _ in Float.random(in: -3..<3, using: &rng) }
            var parameters = (0..<count).map { _ in Float.random(in: -1..<1, using: &rng) }
            var first = (0..<count).map { _ in Float.random(in: -0.1..<0.1, using: &rng) }
            var second = (0..<count).map { _ in Float.random(in: 0..<0.01, using: &rng) }
            var (p, m, v) = (parameters, first, second)
            let (alpha, b1, b2, eps): (Float, Float, Float, Float) = (3e-4, 0.1, 0.001, 1e-7)
            for k in 0..<count {
                let g = gradient[k]
                m[k] += (g - m[k]) * b1
                v[k] += (g * g - v[k]) * b2
                p[k] -= (m[k] * alpha) / (v[k].squareRoot() + eps)
            }
            ser_adam_step(&parameters, gradient, &first, &second, count, alpha, b1, b2, eps)
            #expect(parameters.map(\.bitPattern) == p.map(\.bitPattern), "parameters, count \(count)")
            #expect(first.map(\.bitPattern) == m.map(\.bitPattern), "first moment, count \(count)")
            #expect(second.map(\.bitPattern) == v.map(\.bitPattern), "second moment, count \(count)")
        }
    }

    @Test func addAndSumOfSquares() {
        var rng = SeededGenerator(seed: 13)
        for n in [0, 1, 7, 8, 9, 100, 150_000] {
            let x = (0..<n).map { _ in Float.random(in: -2..<2, using: &rng) }
            var total = (0..<n).map { _ in Float.random(in: -2..<2, using: &rng) }
            let expected = zip(total, x).map { $0 + $1 }
            ser_add(&total, x, n)
            #expect(total == expected)
            let reference = x.reduce(0.0) { $0 + Double($1) * Double($1) }
            #expect(abs(ser_sum_squares(x, n) - reference) <= 1e-12 * max(reference, 1))
        }
    }
}
