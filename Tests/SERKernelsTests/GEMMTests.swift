import Foundation
import SERCore
import SERKernels
import Testing

/// Each kernel of `ser_gemm` the CPU has (the AVX-512 and AVX2 + FMA kernels, skipped with a
/// message where the CPU lacks them; the plain loop everywhere) and the dispatching `ser_gemm`
/// against a Double reference, over shapes that cover every partial tile: rows not a multiple
/// of the 6-row tiles, columns not a multiple of 8, 16 or 64, row blocks beyond the AVX2
/// kernel's 96, sums shorter and longer than one 256-term block, both layouts of A, overwrite
/// and accumulate.
@Suite struct GEMMTests {
    typealias Kernel =
        @Sendable (Int, Int, Int, UnsafePointer<Float>, Int, Int, UnsafePointer<Float>, Int, UnsafeMutablePointer<Float>, Int, Int32) ->
        Void

    static let shapes = [
        (1, 1, 1), (5, 15, 7), (6, 16, 256), (7, 17, 257), (13, 63, 300), (12, 64, 64), (16, 65, 513),
        (59, 130, 40), (3, 200, 0), (101, 24, 9), (200, 9, 33),
    ]
    static let avx2 = ser_gemm_supports(SER_GEMM_AVX2) != 0
    static let avx512 = ser_gemm_supports(SER_GEMM_AVX512) != 0

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

    /// Every shape, both layouts of A, overwrite and accumulate.
    func checkAll(_ kernel: Kernel, name: String, m: Int, n: Int, k: Int) {
        var seed = UInt64(m * 10_000 + n * 100 + k)
        for transposedA in [false, true] {
            for accumulate in [false, true] {
                check(kernel, name: name, m: m, n: n, k: k, transposedA: transposedA, accumulate: accumulate, seed: seed)
                seed += 1
            }
        }
    }

    @Test(arguments: shapes)
    func portableAndDispatchedMatchDoubleReference(m: Int, n: Int, k: Int) {
        checkAll({ ser_gemm_portable($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }, name: "ser_gemm_portable", m: m, n: n, k: k)
        checkAll({ ser_gemm($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }, name: "ser_gemm", m: m, n: n, k: k)
    }

    @Test(.enabled(if: avx2, "this CPU lacks AVX2 + FMA"), arguments: shapes)
    func avx2MatchesDoubleReference(m: Int, n: Int, k: Int) {
        checkAll({ ser_gemm_avx2($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }, name: "ser_gemm_avx2", m: m, n: n, k: k)
    }

    @Test(.enabled(if: avx512, "this CPU lacks AVX-512F"), arguments: shapes)
    func avx512MatchesDoubleReference(m: Int, n: Int, k: Int) {
        checkAll({ ser_gemm_avx512($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }, name: "ser_gemm_avx512", m: m, n: n, k: k)
    }

    /// The AVX2 kernel performs each element's operations in the AVX-512 kernel's order, so a
    /// run gives the same bits on either (provenance still names the one that ran).
    @Test(.enabled(if: avx2 && avx512, "this CPU lacks AVX-512F or AVX2 + FMA"))
    func avx2AndAVX512GiveTheSameBits() {
        var rng = SeededGenerator(seed: 5)
        let (m, n, k) = (37, 150, 700)
        let a = (0..<(m * k)).map { _ in Float.random(in: -1..<1, using: &rng) }
        let b = (0..<(k * n)).map { _ in Float.random(in: -1..<1, using: &rng) }
        var wide = (0..<(m * n)).map { _ in Float.random(in: -1..<1, using: &rng) }, narrow = wide
        ser_gemm_avx512(m, n, k, a, 1, m, b, n, &wide, n, 1)
        ser_gemm_avx2(m, n, k, a, 1, m, b, n, &narrow, n, 1)
        #expect(wide == narrow)
    }

    /// ser_gemm_packed on each kernel the CPU has gives ser_gemm's bits on that kernel, for B
    /// packed from a row-major [k, n] and from the transpose of a stored [n, k] (partial panels,
    /// more than one 256-term block, accumulate).
    @Test(arguments: [(16, 512, 128), (16, 44, 11), (7, 11, 300), (5, 130, 513), (3, 17, 0)])
    func packedGivesTheUnpackedBits(m: Int, n: Int, k: Int) {
        var rng = SeededGenerator(seed: UInt64(m * n + k))
        let a = (0..<(m * k)).map { _ in Float.random(in: -1..<1, using: &rng) }
        let b = (0..<(k * n)).map { _ in Float.random(in: -1..<1, using: &rng) }
        var bT = b
        ser_transpose(b, k, n, &bT)
        let start = (0..<(m * n)).map { _ in Float.random(in: -1..<1, using: &rng) }
        let kernels: [(ser_gemm_isa, Kernel)] = [
            (SER_GEMM_PORTABLE, { ser_gemm_portable($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }),
            (SER_GEMM_AVX2, { ser_gemm_avx2($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }),
            (SER_GEMM_AVX512, { ser_gemm_avx512($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }),
        ]
        for (isa, kernel) in kernels where ser_gemm_supports(isa) != 0 {
            var expected = start
            kernel(m, n, k, a, k, 1, b, n, &expected, n, 1)
            var packed = [Float](repeating: .nan, count: max(1, ser_gemm_packed_size(isa, k, n)))
            for (source, bRow, bCol) in [(b, n, 1), (bT, 1, k)] {
                ser_gemm_pack(isa, k, n, source, bRow, bCol, &packed)
                var c = start
                ser_gemm_packed(isa, m, n, k, a, k, 1, packed, &c, n, 1)
                #expect(c == expected, "kernel \(isa.rawValue), B strides (\(bRow), \(bCol))")
            }
        }
    }

    /// The kernel ser_gemm dispatches to is the widest the CPU has (no SER_GEMM_ISA in tests).
    @Test func dispatchPicksTheWidestKernel() {
        let expected = Self.avx512 ? SER_GEMM_AVX512 : Self.avx2 ? SER_GEMM_AVX2 : SER_GEMM_PORTABLE
        if getenv("SER_GEMM_ISA") == nil { #expect(ser_gemm_kernel() == expected) }
        #expect(ser_gemm_supports(SER_GEMM_PORTABLE) == 1)
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
