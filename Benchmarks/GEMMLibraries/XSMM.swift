internal import CXSMM
public import SERModel

/// libxsmm 1.17's JIT small-matrix kernels behind `ser_gemm`'s contract, for the benchmark.
///
/// libxsmm is column-major, so row-major `C[m, n] (+)= A·B` runs as `Cᵀ = Bᵀ·Aᵀ`; a transposed
/// `A` (`aRow == 1`) becomes libxsmm's `TRANS_B` flag. libxsmm JITs kernels only for small
/// products (none for 512 × 3,200), so the product runs in blocks of 128 columns × 32 rows ×
/// 256 terms (of 64/64/256, 128/32/256, 32/96/128 and 64/16/512, measured fastest here on
/// the LSTM's shapes), each block's kernel fetched from libxsmm's dispatch cache.
public enum XSMM {
    static let columns = 128, rows = 32, terms = 256

    /// The engine, named `libxsmm-<target>` (`hsw` for AVX2, `skx`/`clx`/`cpx` for AVX-512;
    /// the environment variable LIBXSMM_TARGET chooses, e.g. `hsw` on an AVX-512 CPU).
    public static let engine: GEMM.Engine = {
        libxsmm_init()
        return GEMM.Engine(name: "libxsmm-\(target)") { m, n, k, a, aRow, aCol, b, ldb, c, ldc, accumulate in
            guard let a, let b, let c else { return }
            XSMM.multiply(m: m, n: n, k: k, a: a, aRow: aRow, aCol: aCol, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate != 0)
        }
    }()

    /// The instruction set libxsmm generates code for in this process.
    public static var target: String { String(cString: libxsmm_get_target_arch()) }

    static func multiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, aRow: Int, aCol: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        guard m > 0, n > 0 else { return }
        let transposed = aCol != 1
        var flags = Int32(transposed ? LIBXSMM_GEMM_FLAG_TRANS_B.rawValue : 0)
        var prefetch = Int32(0), alpha: Float = 1
        var lda = libxsmm_blasint(ldb), ldbX = libxsmm_blasint(transposed ? aCol : aRow), ldcX = libxsmm_blasint(ldc)
        var p0 = 0
        repeat {
            let kc = min(terms, k - p0)
            var beta: Float = accumulate || p0 > 0 ? 1 : 0
            if kc == 0 {
                if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
                return
            }
            for i0 in stride(from: 0, to: m, by: rows) {
                let nb = min(rows, m - i0)
                let aBlock = transposed ? a + i0 + p0 * aCol : a + i0 * aRow + p0
                for j0 in stride(from: 0, to: n, by: columns) {
                    let mb = min(columns, n - j0)
                    guard
                        let kernel = libxsmm_smmdispatch(
                            libxsmm_blasint(mb), libxsmm_blasint(nb), libxsmm_blasint(kc), &lda, &ldbX, &ldcX, &alpha, &beta,
                            &flags, &prefetch)
                    else { preconditionFailure("libxsmm has no kernel for \(mb)×\(nb)×\(kc) (flags \(flags))") }
                    ser_xsmm_call(kernel, b + p0 * ldb + j0, aBlock, c + i0 * ldc + j0)
                }
            }
            p0 += kc
        } while p0 < k
    }
}
