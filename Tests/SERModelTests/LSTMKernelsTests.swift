import SERCore
import Testing
@testable import SERModel

/// The C cell kernels against the Swift reference they replaced (FastMath's tanh and sigmoid
/// in the same order): bit for bit, so Keras parity, gradient checks and saved runs are
/// unaffected by which one runs or by which CPU clone (AVX2 or baseline) is picked.
@Suite struct LSTMKernelsTests {
    static func values(_ n: Int, _ range: Range<Float>, _ rng: inout SeededGenerator) -> [Float] {
        (0..<n).map { _ in Float.random(in: range, using: &rng) }
    }

    @Test(arguments: [(1, 1), (3, 5), (16, 64), (7, 128)])
    func forwardMatchesTheSwiftReference(rows: Int, hidden: Int) {
        var rng = SeededGenerator(seed: UInt64(rows * 1_000 + hidden))
        let g4 = 4 * hidden
        // Pre-activations wide enough to reach tanh's clamp at ±9.
        let pre = Self.values(rows * g4, -12..<12, &rng), bias = Self.values(g4, -1..<1, &rng)
        let cPrev = Self.values(rows * hidden, -3..<3, &rng)
        var gates = pre, c = [Float](repeating: 0, count: rows * hidden), tc = c, h = c
        LSTMKernels.forward(gates: &gates, bias: bias, cPrev: cPrev, c: &c, tc: &tc, h: &h, rows: rows, hidden: hidden)

        var refGates = pre, refC = [Float](repeating: 0, count: rows * hidden), refTC = refC, refH = refC
        for r in 0..<rows {
            for k in 0..<g4 {
                let x = refGates[r * g4 + k] + bias[k]
                refGates[r * g4 + k] = (2 * hidden..<3 * hidden).contains(k) ? FastMath.tanh(x) : FastMath.sigmoid(x)
            }
            for j in 0..<hidden {
                let g = r * g4
                let cell = refGates[g + hidden + j] * cPrev[r * hidden + j] + refGates[g + j] * refGates[g + 2 * hidden + j]
                refC[r * hidden + j] = cell
                refTC[r * hidden + j] = FastMath.tanh(cell)
                refH[r * hidden + j] = refGates[g + 3 * hidden + j] * refTC[r * hidden + j]
            }
        }
        #expect(gates.map(\.bitPattern) == refGates.map(\.bitPattern))
        #expect(c.map(\.bitPattern) == refC.map(\.bitPattern))
        #expect(tc.map(\.bitPattern) == refTC.map(\.bitPattern))
        #expect(h.map(\.bitPattern) == refH.map(\.bitPattern))
    }

    @Test(arguments: [(1, 1), (3, 5), (16, 64), (7, 128)])
    func backwardMatchesTheSwiftReference(rows: Int, hidden: Int) {
        var rng = SeededGenerator(seed: UInt64(rows * 7_919 + hidden))
        let g4 = 4 * hidden, ldOut = hidden + 3
        let activated = Self.values(rows * g4, 0..<1, &rng)
        let cPrev = Self.values(rows * hidden, -2..<2, &rng), tc = Self.values(rows * hidden, -1..<1, &rng)
        let dOut = Self.values(rows * ldOut, -1..<1, &rng), dhCarry = Self.values(rows * hidden, -1..<1, &rng)
        let dcIn = Self.values(rows * hidden, -1..<1, &rng)
        var gates = activated, dc = dcIn
        LSTMKernels.backward(
            gates: &gates, cPrev: cPrev, tc: tc, dOut: dOut, ldOut: ldOut, dhCarry: dhCarry, dcCarry: &dc, rows: rows,
            hidden: hidden)

        var refGates = activated, refDC = dcIn
        for r in 0..<rows {
            for j in 0..<hidden {
                let g = r * g4
                let i = refGates[g + j], f = refGates[g + hidden + j], cc = refGates[g + 2 * hidden + j]
                let o = refGates[g + 3 * hidden + j], t = tc[r * hidden + j]
                let dh = dhCarry[r * hidden + j] + dOut[r * ldOut + j]
                let dcell = refDC[r * hidden + j] + dh * o * (1 - t * t)
                refDC[r * hidden + j] = dcell * f
                refGates[g + j] = dcell * cc * i * (1 - i)
                refGates[g + hidden + j] = dcell * cPrev[r * hidden + j] * f * (1 - f)
                refGates[g + 2 * hidden + j] = dcell * i * (1 - cc * cc)
                refGates[g + 3 * hidden + j] = dh * t * o * (1 - o)
            }
        }
        #expect(gates.map(\.bitPattern) == refGates.map(\.bitPattern))
        #expect(dc.map(\.bitPattern) == refDC.map(\.bitPattern))
    }
}
