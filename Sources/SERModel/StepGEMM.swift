internal import SERLinearAlgebra

/// The per-time-step recurrent GEMMs on the OpenBLAS backend, split into column blocks small
/// enough for OpenBLAS's small-matrix kernels, which skip packing the weight matrix on every
/// call. (An engine with `ser_gemm`'s contract gets the whole step instead: `ser_gemm` copies
/// only a 256 × 16 panel of the weights at a time.)
///
/// A step GEMM is tiny (`m` = rows of one shard, e.g. 16) but its weight operand is large
/// (`U [H, 4H]`), and OpenBLAS's general path re-packs it on every call. Below about
/// `m·n·k ≤ 2¹⁹` it takes an unpacked path instead; measured here (AVX-512, OpenBLAS 0.3.21,
/// m = 16) that is 58 → 115 GFLOP/s for `[16,128]·[128,512]` split into two `n = 256` halves,
/// and 62 → 106 GFLOP/s for `[16,512]·[512,128]ᵀ` split into `n = 64` blocks.
enum StepGEMM {
    /// Upper bound on `m·n·k` of one block.
    static let budget = 1 << 19

    /// `C[m, n] = A[m, k]·op(B) + beta·C`, row-major, computed in column blocks of `C`.
    /// `op(B)` is `B [k, n]` or, with `transB`, `Bᵀ` for `B [n, k]`.
    @inline(__always)
    static func multiply(
        transB: Bool, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0 else { return }
        let fit = budget / max(m * k, 1)
        let block = min(n, max(64, fit - fit % 64))
        var j = 0
        while j < n {
            let width = min(block, n - j)
            BLAS.sgemm(
                transB: transB, m: m, n: width, k: k, a: a, lda: lda, b: transB ? b + j * ldb : b + j, ldb: ldb,
                beta: beta, c: c + j, ldc: ldc)
            j += width
        }
    }
}
