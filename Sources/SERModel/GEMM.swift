internal import SERKernels
internal import SERLinearAlgebra

/// The LSTM's matrix products: SERKernels' AVX-512 GEMM where the CPU has it (up to 30 %
/// faster than OpenBLAS on these shapes, and no packing), OpenBLAS everywhere else.
///
/// Row-major throughout. Deterministic either way: the same inputs give the same bits on
/// every call on the same machine.
public enum GEMM {
    /// Who multiplies.
    enum Backend: Sendable {
        /// SERKernels' `ser_gemm` (its AVX-512 kernel).
        case ownKernel
        /// OpenBLAS's `cblas_sgemm`.
        case openBLAS

        /// `ownKernel` where the CPU has AVX-512 and `SER_GEMM` is not `blas`, else `openBLAS`
        /// (decided once per process).
        static let automatic: Backend = ser_gemm_fast() != 0 ? .ownKernel : .openBLAS
    }

    /// What runs the LSTM's GEMMs in this process, for run provenance: `ser_gemm-avx512` or
    /// `openblas` (results differ between the two in the last bits, not beyond).
    public static var backendName: String { Backend.automatic == .ownKernel ? "ser_gemm-avx512" : "openblas" }

    /// `C[m, n] = op(A)·B`, or `C += op(A)·B` with `accumulate`. `op(A)` is `A [m, k]`
    /// (row stride `lda`) or, with `transA`, `Aᵀ` for `A [k, m]`; `B [k, n]`, row stride `ldb`.
    @inline(__always)
    static func multiply(
        _ backend: Backend, transA: Bool = false, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
        ldb: Int, accumulate: Bool, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if backend == .ownKernel {
            ser_gemm(m, n, k, a, transA ? 1 : lda, transA ? lda : 1, b, ldb, c, ldc, accumulate ? 1 : 0)
        } else {
            BLAS.sgemm(
                transA: transA, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: accumulate ? 1 : 0, c: c, ldc: ldc)
        }
    }

    /// `C[m, n] = A·Bᵀ` for `A [m, k]` and `B [n, k]` (row strides `lda`, `ldb`). The AVX-512
    /// kernel reads `Bᵀ` from `scratch` (`[k, n]`, overwritten), OpenBLAS transposes itself.
    @inline(__always)
    static func multiplyTransposed(
        _ backend: Backend, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        scratch: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if backend == .ownKernel {
            precondition(ldb == k, "multiplyTransposed: B must be contiguous")
            ser_transpose(b, n, k, scratch)
            ser_gemm(m, n, k, a, lda, 1, scratch, n, c, ldc, 0)
        } else {
            BLAS.sgemm(transB: true, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: 0, c: c, ldc: ldc)
        }
    }
}
