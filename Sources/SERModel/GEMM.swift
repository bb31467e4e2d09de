import Foundation
internal import SERKernels
internal import SERLinearAlgebra

/// The LSTM's matrix products: SERKernels' `ser_gemm` on its AVX-512 or AVX2 + FMA kernel,
/// whichever the CPU has (ahead of OpenBLAS, libxsmm and BLIS on these shapes: see
/// docs/BENCHMARKS-gemm.md), OpenBLAS on a CPU with neither.
///
/// Row-major throughout. Deterministic either way: the same inputs give the same bits on
/// every call on the same machine.
public enum GEMM {
    /// A product with `ser_gemm`'s contract (SERGEMM.h): `C[m, n] = A·B`, or `C += A·B` when
    /// the last argument is non-zero; arguments `(m, n, k, a, aRow, aCol, b, ldb, c, ldc,
    /// accumulate)`, `A(i, p)` at `a[i·aRow + p·aCol]`, `B [k, n]` and `C [m, n]` row-major
    /// with row strides `ldb` and `ldc`.
    public typealias Function =
        @convention(c) (
            Int, Int, Int, UnsafePointer<Float>?, Int, Int, UnsafePointer<Float>?, Int, UnsafeMutablePointer<Float>?, Int, Int32
        ) -> Void

    /// Who multiplies: a function with `ser_gemm`'s contract, or OpenBLAS.
    public struct Engine: Sendable, CustomStringConvertible {
        /// The name run provenance records, e.g. `ser_gemm-avx2` or `openblas`.
        public let name: String
        /// The product, or `nil` for OpenBLAS (`cblas_sgemm`, the step GEMMs in StepGEMM's
        /// column blocks).
        public let function: Function?
        /// The `ser_gemm` kernel behind `function`, if it is one: the step GEMMs then read
        /// the recurrent weights laid out once per pass (``pack(_:k:n:b:bRow:bCol:into:)``).
        let kernel: Kernel?

        /// An engine from outside SERModel (benchmarks compare libraries through this).
        public init(name: String, function: Function) {
            self.init(name: name, function: function, kernel: nil)
        }

        private init(name: String, function: Function?, kernel: Kernel?) {
            self.name = name
            self.function = function
            self.kernel = kernel
        }

        public var description: String { name }

        /// OpenBLAS's `cblas_sgemm`.
        public static let openBLAS = Engine(name: "openblas", function: nil, kernel: nil)

        /// SERKernels' `ser_gemm` on one kernel (the caller checks ``Kernel/isSupported``).
        public static func ownKernel(_ isa: Kernel) -> Engine {
            let function: Function =
                switch isa {
                case .avx512: { ser_gemm_avx512($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }
                case .avx2: { ser_gemm_avx2($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }
                case .portable: { ser_gemm_portable($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }
                }
            return Engine(name: "ser_gemm-\(isa.rawValue)", function: function, kernel: isa)
        }

        /// `ser_gemm` on the widest kernel the CPU has (capped by `SER_GEMM_ISA`), OpenBLAS
        /// where that is only the plain loop or `SER_GEMM` is `blas` (decided once per process).
        public static let automatic: Engine = {
            if let choice = getenv("SER_GEMM"), String(cString: choice) == "blas" { return .openBLAS }
            return Kernel.current == .portable ? .openBLAS : .ownKernel(.current)
        }()
    }

    /// The kernels of `ser_gemm`.
    public enum Kernel: String, Sendable, CaseIterable {
        case portable, avx2, avx512

        /// The kernel `ser_gemm` runs in this process: the widest the CPU has, capped by the
        /// environment variable `SER_GEMM_ISA` (`avx2` or `portable`).
        public static var current: Kernel {
            let isa = ser_gemm_kernel()
            return isa == SER_GEMM_AVX512 ? .avx512 : isa == SER_GEMM_AVX2 ? .avx2 : .portable
        }

        var isa: ser_gemm_isa {
            switch self {
            case .portable: SER_GEMM_PORTABLE
            case .avx2: SER_GEMM_AVX2
            case .avx512: SER_GEMM_AVX512
            }
        }

        /// Whether this CPU runs the kernel.
        public var isSupported: Bool { ser_gemm_supports(isa) != 0 }
    }

    /// What runs the LSTM's GEMMs in this process, for run provenance: ``Engine/automatic``'s
    /// name (`ser_gemm-avx512`, `ser_gemm-avx2` or `openblas`; the two `ser_gemm` kernels give
    /// the same bits, OpenBLAS differs from them in the last bits, not beyond).
    public static var backendName: String { Engine.automatic.name }

    /// `C[m, n] = op(A)·B`, or `C += op(A)·B` with `accumulate`. `op(A)` is `A [m, k]`
    /// (row stride `lda`) or, with `transA`, `Aᵀ` for `A [k, m]`; `B [k, n]`, row stride `ldb`.
    @inline(__always)
    static func multiply(
        _ engine: Engine, transA: Bool = false, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
        ldb: Int, accumulate: Bool, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if let function = engine.function {
            function(m, n, k, a, transA ? 1 : lda, transA ? lda : 1, b, ldb, c, ldc, accumulate ? 1 : 0)
        } else {
            BLAS.sgemm(
                transA: transA, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: accumulate ? 1 : 0, c: c, ldc: ldc)
        }
    }

    /// Floats that ``pack(_:k:n:b:bRow:bCol:into:)`` may write for a `k × n` B, on any kernel.
    static func packedCapacity(k: Int, n: Int) -> Int {
        Kernel.allCases.map { ser_gemm_packed_size($0.isa, k, n) }.max() ?? k * n
    }

    /// Lays out B (`k × n`, `B(p, j)` at `b[p·bRow + j·bCol]`) in `packed` for
    /// ``multiplyPacked(_:m:n:k:a:lda:packed:accumulate:c:ldc:)`` when `engine` is a `ser_gemm`
    /// kernel (true), else does nothing (false: call ``multiply`` with B as it is).
    static func pack(
        _ engine: Engine, k: Int, n: Int, b: UnsafePointer<Float>, bRow: Int, bCol: Int, into packed: UnsafeMutablePointer<Float>
    ) -> Bool {
        guard let kernel = engine.kernel else { return false }
        ser_gemm_pack(kernel.isa, k, n, b, bRow, bCol, packed)
        return true
    }

    /// `C[m, n] (+)= A·B` for `A [m, k]` (row stride `lda`) and B as ``pack`` laid it out for
    /// this engine (the same bits as ``multiply`` with B unpacked).
    @inline(__always)
    static func multiplyPacked(
        _ engine: Engine, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, packed: UnsafePointer<Float>,
        accumulate: Bool, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard let kernel = engine.kernel else { preconditionFailure("multiplyPacked: \(engine.name) packs nothing") }
        ser_gemm_packed(kernel.isa, m, n, k, a, lda, 1, packed, c, ldc, accumulate ? 1 : 0)
    }

    /// `C[m, n] = A·Bᵀ` for `A [m, k]` and `B [n, k]` (row strides `lda`, `ldb`). A `ser_gemm`
    /// engine reads `Bᵀ` from `scratch` (`[k, n]`, overwritten), OpenBLAS transposes itself.
    @inline(__always)
    static func multiplyTransposed(
        _ engine: Engine, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        scratch: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if let function = engine.function {
            precondition(ldb == k, "multiplyTransposed: B must be contiguous")
            ser_transpose(b, n, k, scratch)
            function(m, n, k, a, lda, 1, scratch, n, c, ldc, 0)
        } else {
            BLAS.sgemm(transB: true, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: 0, c: c, ldc: ldc)
        }
    }
}
