internal import CBLAS
import Foundation

/// The Swift face of OpenBLAS's single-precision GEMM: the only place `cblas` is called.
///
/// All matrices are row-major. OpenBLAS's integer arguments are 32-bit, so every dimension
/// must be below 2³¹ (checked).
public enum BLAS {
    /// `C = alpha · op(A) · op(B) + beta · C`, row-major.
    ///
    /// - Parameters:
    ///   - transA: use Aᵀ; `op(A)` is `[m, k]`, so A is stored `[m, k]` (or `[k, m]` when transposed).
    ///   - transB: use Bᵀ; `op(B)` is `[k, n]`, so B is stored `[k, n]` (or `[n, k]` when transposed).
    ///   - lda, ldb, ldc: leading dimensions (row strides) of the stored matrices.
    @inlinable
    public static func sgemm(
        transA: Bool = false, transB: Bool = false,
        m: Int, n: Int, k: Int,
        alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        _sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    @usableFromInline
    static func _sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        precondition(
            [m, n, k, lda, ldb, ldc].allSatisfy { $0 >= 0 && $0 <= Int(Int32.max) },
            "BLAS dimensions must fit in 32 bits")
        guard m > 0, n > 0 else { return }
        cblas_sgemm(
            CblasRowMajor,
            transA ? CblasTrans : CblasNoTrans,
            transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(lda), b, Int32(ldb),
            beta, c, Int32(ldc))
    }

    /// The number of threads OpenBLAS uses (recorded in run provenance).
    public static var threadCount: Int {
        Int(openblas_get_num_threads())
    }

    /// The kernel set OpenBLAS chose for this CPU, e.g. `Haswell`, `Zen` or `Cooperlake`
    /// (the environment variable OPENBLAS_CORETYPE overrides it).
    public static var coreName: String {
        openblas_get_corename().map { String(cString: $0) } ?? "?"
    }

    /// Sets the number of threads OpenBLAS uses. Process-wide: call it inside
    /// ``exclusively(_:)``, and restore the count before leaving.
    public static func setThreadCount(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }

    /// Serialises, within the process, the work whose bits depend on OpenBLAS's thread count
    /// (one value for the whole process, and OpenBLAS takes other kernel paths with other
    /// counts): a training epoch or an evaluation holds it, and so does feature computation
    /// while it runs OpenBLAS on one thread. Without it, features computed beside an
    /// in-process training changed that training's last bits. Reentrant.
    public static func exclusively<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        countLock.lock()
        defer { countLock.unlock() }
        return try body()
    }

    /// Held by ``exclusively(_:)``.
    private static let countLock = NSRecursiveLock()
}
