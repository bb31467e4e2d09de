import Foundation
import SERCore
import SERKernels
import Testing

/// The arithmetic kernels against straightforward Double references.
@Suite struct ArithmeticTests {
    /// `10·log10` to within 3 ulp of float32 `10·log10f` and 1e-4 dB, over the whole positive
    /// normal range and the amin floor.
    @Test func powerToDBMatchesLog10() {
        var rng = SeededGenerator(seed: 5)
        var values = (0..<100_000).map { _ in Float(exp(Double.random(in: -87..<88, using: &rng))) }
        values += [1, 10, 1e-10, 1e-12, 0, Float.leastNormalMagnitude, Float.greatestFiniteMagnitude]
        let original = values
        let peak = ser_power_to_db(&values, values.count, 1e-10, 0)
        var worstULP: Float = 0
        for (x, db) in zip(original, values) {
            let expected = 10 * log10f(max(1e-10, x))
            let ulp = max(expected.magnitude.ulp, Float.leastNormalMagnitude)
            worstULP = max(worstULP, (db - expected).magnitude / ulp)
            #expect((db - expected).magnitude <= 1e-4, "x \(x): \(db) vs \(expected)")
        }
        #expect(worstULP <= 3, "worst \(worstULP) ulp")
        #expect(peak == values.max())
        var shifted: [Float] = [100]
        _ = ser_power_to_db(&shifted, 1, 1e-10, 20)
        #expect(abs(shifted[0] - 0) <= 1e-5)
    }

    @Test func dotMatchesDouble() {
        var rng = SeededGenerator(seed: 9)
        for n in [0, 1, 7, 8, 9, 100, 1_025] {
            let a = (0..<n).map { _ in Float.random(in: -1..<1, using: &rng) }
            let b = (0..<n).map { _ in Float.random(in: 0..<1, using: &rng) }
            let expected = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            #expect(abs(Double(ser_dot(a, b, n)) - expected) <= 1e-5 * Double(max(n, 1)))
        }
    }

    /// |X| rounded to complex64 first, then sqrt in double, correctly rounded to float32: the
    /// same bits as the formula, at every scale including zero and tiny values.
    @Test func magnitudeAndPowerAreExact() {
        var rng = SeededGenerator(seed: 13)
        var spectrum: [Double] = []
        for _ in 0..<1_025 {
            let scale = pow(10, Double(Int.random(in: -30...10, using: &rng)))
            spectrum.append(Double.random(in: -1..<1, using: &rng) * scale)
            spectrum.append(Double.random(in: -1..<1, using: &rng) * scale)
        }
        spectrum[0] = 0; spectrum[1] = 0
        var magnitude = [Float](repeating: -1, count: 1_025)
        var power = [Float](repeating: -1, count: 1_025)
        ser_magnitude_power(spectrum, 1_025, &magnitude, &power)
        for k in 0..<1_025 {
            let re = Double(Float(spectrum[2 * k])), im = Double(Float(spectrum[2 * k + 1]))
            let m = Float((re * re + im * im).squareRoot())
            #expect(magnitude[k] == m && power[k] == m * m, "bin \(k)")
        }
    }

    @Test func windowMultipliesInDouble() {
        let w: [Double] = [0.5, 0.25, 1, 0]
        let x: [Float] = [1.5, -2, 0.1, 7]
        var out = [Double](repeating: .nan, count: 4)
        ser_window_double(w, x, &out, 4)
        #expect(out == [0.75, -0.5, Double(Float(0.1)), 0])
    }
}
