import SERCore
import SERKernels
import Testing

/// `ser_gemm` (the AVX-512 kernel where the CPU has it) and `ser_gemm_portable` against a
/// Double reference, over shapes that cover every partial tile: rows not a multiple of the
/// 6-row tile, columns not a multiple of 16 or 64, sums shorter and longer than one
/// 256-term block, both layouts of A, overwrite and accumulate.
@Suite struct GEMMTests {
    typealias Kernel = @Sendable (Int, Int, Int, UnsafePointer<Float>, Int, Int, UnsafePointer<Float>, Int, UnsafeMutablePointer<Float>, Int, Int32) -> Void

    static let kernels: [(String, Kernel)] = [
        ("ser_gemm", { ser_gemm($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }),
        ("ser_gemm_portable", { ser_gemm_portable($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }),
    ]

    /// Checks one product; C has 3 spare columns per row that must come back untouched.
    func check(_ kernel: Kernel, name: String, m: Int, n: Int, k: Int, transposedA: Bool, accumulate: Bool, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let a = (0..<(m * k)).map { _ in Float.random(in: -1..<1, using: &rng) }
        let b = (0..<(k * n)).map { _ in Float.random(in: -1..<1, using: &rng) }
        let ldc = n + 3
        var c = (0..<(m * ldc)).map { _ in Float.random(in: -1..<1, using: &rng) }
        let before = c
        // A(i, p): row-major [m, k], or the transpose of a stored [k, m].
        let (aRow, aCol) = transposedA ? (1, m) : (k, 1)
        kernel(m, n, k, a, aRow, aCol, b, n, &c, ldc, accumulate ? 1 : 0)
        var worst = 0.0
        for i in 0..<m {
            for j in 0..<n {
                var sum = accumulate ? Double(before[i * ldc + j]) : 0
                var magnitude = accumulate ? abs(Double(before[i * ldc + j])) : 0
                for p in 0..<k {
                    let term = Double(a[i * aRow + p * aCol]) * Double(b[p * n + j])
                    sum += term
                    magnitude += abs(term)
                }
                // float32 sums of k + 1 terms: a few ulp of the magnitude per term, at most.
                let bound = Double(k + 2) * 1.2e-7 * max(magnitude, 1e-30)
                let error = abs(Double(c[i * ldc + j]) - sum)
                worst = max(worst, error / bound)
            }
            for j in n..<ldc {
                #expect(c[i * ldc + j] == before[i * ldc + j], "\(name) wrote past column \(n) of row \(i)")
            }
        }
        #expect(worst <= 1, "\(name) m=\(m) n=\(n) k=\(k) transposedA=\(transposedA) accumulate=\(accumulate): error \(worst)× bound")
    }

    @Test(arguments: [(1, 1, 1), (5, 15, 7), (6, 16, 256), (7, 17, 257), (13, 63, 300), (12, 64, 64), (16, 65, 513),
                      (59, 130, 40), (3, 200, 0)])
    func matchesDoubleReference(m: Int, n: Int, k: Int) {
        var seed: UInt64 = 1
        for (name, kernel) in Self.kernels {
            for transposedA in [false, true] {
                for accumulate in [false, true] {
                    check(kernel, name: name, m: m, n: n, k: k, transposedA: transposedA, accumulate: accumulate, seed: seed)
                    seed += 1
                }
            }
        }
    }

    /// The same inputs give the same bits on every call (the trainer's reproducibility rests on it).
    @Test func isDeterministic() {
        var rng = SeededGenerator(seed: 3)
        let (m, n, k) = (37, 150, 700)
        let a = (0..<(m * k)).map { _ in Float.random(in: -1..<1, using: &rng) }
        let b = (0..<(k * n)).map { _ in Float.random(in: -1..<1, using: &rng) }
        var first = [Float](repeating: 0, count: m * n), second = first
        ser_gemm(m, n, k, a, 1, m, b, n, &first, n, 0)
        ser_gemm(m, n, k, a, 1, m, b, n, &second, n, 0)
        #expect(first == second)
    }

    @Test func transposeMovesEveryElement() {
        let (rows, cols) = (37, 70)
        let x = (0..<(rows * cols)).map { Float($0) }
        var out = [Float](repeating: -1, count: rows * cols)
        ser_transpose(x, rows, cols, &out)
        for i in 0..<rows {
            for j in 0..<cols { #expect(out[j * rows + i] == x[i * cols + j]) }
        }
    }
}
