import Foundation
internal import CBLIS
public import SERModel

/// BLIS 0.9's typed `bli_sgemm` behind `ser_gemm`'s contract, for the benchmark: BLIS takes a
/// row and a column stride for every operand, so `A(i, p)` at `a[i·aRow + p·aCol]` passes as
/// it is, and BLIS picks its unpacked "sup" path or its packed one by shape.
///
/// libblis.so.4 is opened with `RTLD_LOCAL` (see Sources/CBLIS/module.modulemap): its
/// `cblas_sgemm` must not replace OpenBLAS's in the process.
public enum BLIS {
    typealias SGEMM =
        @convention(c) (
            trans_t, trans_t, dim_t, dim_t, dim_t, UnsafeMutablePointer<Float>?, UnsafeMutablePointer<Float>?, inc_t, inc_t,
            UnsafeMutablePointer<Float>?, inc_t, inc_t, UnsafeMutablePointer<Float>?, UnsafeMutablePointer<Float>?, inc_t, inc_t
        ) -> Void
    typealias Init = @convention(c) () -> Void
    typealias ArchQuery = @convention(c) () -> arch_t
    typealias ArchString = @convention(c) (arch_t) -> UnsafeMutablePointer<CChar>?

    /// `bli_sgemm` and the configuration name, or why they could not be loaded.
    static let loaded: Result<(SGEMM, String), BLISError> = {
        guard let handle = dlopen("libblis.so.4", RTLD_NOW | RTLD_LOCAL) else {
            return .failure(BLISError(reason: String(cString: dlerror())))
        }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        guard let sgemm = symbol("bli_sgemm", as: SGEMM.self), let initialize = symbol("bli_init", as: Init.self),
            let query = symbol("bli_arch_query_id", as: ArchQuery.self), let name = symbol("bli_arch_string", as: ArchString.self)
        else { return .failure(BLISError(reason: "libblis.so.4 lacks bli_sgemm, bli_init or bli_arch_*")) }
        initialize()
        return .success((sgemm, name(query()).map { String(cString: $0) } ?? "?"))
    }()

    /// The engine, named `blis-<configuration>` (`zen3`, `haswell`, `skx`, …; the environment
    /// variable BLIS_ARCH_TYPE chooses by number, e.g. 3 = haswell on an AVX-512 CPU).
    /// - Throws: ``BLISError`` when libblis.so.4 cannot be loaded.
    public static func engine() throws(BLISError) -> GEMM.Engine {
        let (_, configuration) = try loaded.get()
        return GEMM.Engine(name: "blis-\(configuration)") { m, n, k, a, aRow, aCol, b, ldb, c, ldc, accumulate in
            guard m > 0, n > 0, case .success(let (sgemm, _)) = BLIS.loaded else { return }
            var one: Float = 1, beta: Float = accumulate != 0 ? 1 : 0
            sgemm(
                BLIS_NO_TRANSPOSE, BLIS_NO_TRANSPOSE, dim_t(m), dim_t(n), dim_t(k), &one, UnsafeMutablePointer(mutating: a),
                inc_t(aRow), inc_t(aCol), UnsafeMutablePointer(mutating: b), inc_t(ldb), 1, &beta, c, inc_t(ldc), 1)
        }
    }
}
