// One GEMM engine on the LSTM's shapes and on whole seed-model epochs; scripts/bench-gemm.sh
// runs it once per engine × instruction set, interleaved over rounds, next to PyTorch, and
// writes the table in docs/BENCHMARKS-gemm.md.
//
//   swift run -c release bench-gemm --engine ser_gemm|openblas|libxsmm|blis [--epochs 3] [--threads 2] [--clips 1080] [--no-shapes]
//
// The instruction set is each library's own switch, set in the environment before the
// process starts: SER_GEMM_ISA=avx2, OPENBLAS_CORETYPE=Haswell, LIBXSMM_TARGET=hsw,
// BLIS_ARCH_TYPE=3 (haswell). Prints tab-separated lines: `engine NAME`, `shape LABEL M N K
// GFLOP/s` (one thread, ≈0.25 s of products per shape, after one checked warm-up call; the
// ser_gemm step GEMMs read the weights laid out once, as the trainer does), and `epoch
// SECONDS CPU-SECONDS` per epoch (the first is the warm-up).
import Foundation
import GEMMLibraries
import SERCore
import SERKernels
import SERLinearAlgebra
import SERModel

func option(_ name: String, _ fallback: String) -> String {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
    return fallback
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bench-gemm: \(message)\n".utf8))
    exit(1)
}

/// Whether `symbol` resolves to OpenBLAS's definition in this process (BLIS exports the cblas
/// names too: OpenBLAS's must win, or the OpenBLAS figures would be BLIS's).
func resolvesToOpenBLAS(_ symbol: String) -> Bool {
    guard let global = dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol),
        let openBLAS = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_NOLOAD)
    else { return false }
    defer { dlclose(openBLAS) }
    return dlsym(openBLAS, symbol) == global
}

let engineName = option("--engine", "ser_gemm")
let engine: GEMM.Engine
switch engineName {
case "ser_gemm":
    engine = .ownKernel(.current)
case "openblas": engine = .openBLAS
case "libxsmm": engine = XSMM.engine
case "blis":
    do { engine = try BLIS.engine() } catch { fail("\(error)") }
default: fail("--engine \(engineName): expected ser_gemm, openblas, libxsmm or blis")
}
guard resolvesToOpenBLAS("cblas_sgemm") else { fail("cblas_sgemm does not resolve to OpenBLAS's in this process") }
let openBLASCore = BLAS.coreName
print("engine\t\(engine.name == "openblas" ? "openblas-\(openBLASCore)" : engine.name)")

/// A shape of one 16-clip shard of a padded seed epoch (3,200 packed frames). `transA`: A is
/// stored `[k, m]`; `transB`: B is stored `[n, k]` (a `ser_gemm`-shaped engine reads a
/// transposed copy made outside the timing, as the trainer makes it once per batch).
struct Shape {
    let label: String, m: Int, n: Int, k: Int, transA: Bool, transB: Bool
}

let shapes = [
    Shape(label: "step fwd L1 h·U", m: 16, n: 512, k: 128, transA: false, transB: false),
    Shape(label: "step bwd L1 ∂G·Uᵀ", m: 16, n: 128, k: 512, transA: false, transB: true),
    Shape(label: "step fwd L2 h·U", m: 16, n: 256, k: 64, transA: false, transB: false),
    Shape(label: "step bwd L2 ∂G·Uᵀ", m: 16, n: 64, k: 256, transA: false, transB: true),
    Shape(label: "proj L1 X·W", m: 3200, n: 512, k: 59, transA: false, transB: false),
    Shape(label: "proj L2 X·W", m: 3200, n: 256, k: 128, transA: false, transB: false),
    Shape(label: "grad L1 Xᵀ·∂G", m: 59, n: 512, k: 3200, transA: true, transB: false),
    Shape(label: "grad L1 Hᵀ·∂G", m: 128, n: 512, k: 3200, transA: true, transB: false),
    Shape(label: "grad L2 Xᵀ·∂G", m: 128, n: 256, k: 3200, transA: true, transB: false),
    Shape(label: "grad L2 Hᵀ·∂G", m: 64, n: 256, k: 3200, transA: true, transB: false),
    Shape(label: "∂X L2 ∂G·Wᵀ", m: 3200, n: 128, k: 256, transA: false, transB: true),
    Shape(label: "dense fwd x·W", m: 16, n: 64, k: 64, transA: false, transB: false),
    Shape(label: "dense grad xᵀ·∂y", m: 64, n: 64, k: 16, transA: true, transB: false),
]

/// `C (+)= op(A)·op(B)` on the engine; `bT` is `op(B)` stored `[k, n]` for `ser_gemm`-shaped
/// engines, `packed` (when not empty) `op(B)` laid out for the `ser_gemm` kernel, as the trainer
/// lays out the recurrent weights once per pass for the step GEMMs.
func run(_ s: Shape, a: [Float], b: [Float], bT: [Float], packed: [Float], c: inout [Float]) {
    let lda = s.transA ? s.m : s.k
    c.withUnsafeMutableBufferPointer { cp in
        guard let out = cp.baseAddress else { return }
        if !packed.isEmpty {
            ser_gemm_packed(ser_gemm_kernel(), s.m, s.n, s.k, a, lda, 1, packed, out, s.n, 1)
        } else if let function = engine.function {
            function(s.m, s.n, s.k, a, s.transA ? 1 : lda, s.transA ? lda : 1, s.transB ? bT : b, s.n, out, s.n, 1)
        } else {
            BLAS.sgemm(
                transA: s.transA, transB: s.transB, m: s.m, n: s.n, k: s.k, a: a, lda: lda, b: b, ldb: s.transB ? s.k : s.n,
                beta: 1, c: out, ldc: s.n)
        }
    }
}

if !CommandLine.arguments.contains("--no-shapes") {
    BLAS.setThreadCount(1)
    var rng = SeededGenerator(seed: 1)
    for s in shapes {
        let a = (0..<(s.m * s.k)).map { _ in Float.random(in: -1..<1, using: &rng) }
        let b = (0..<(s.k * s.n)).map { _ in Float.random(in: -1..<1, using: &rng) }
        var bT = b
        if s.transB { ser_transpose(b, s.n, s.k, &bT) }
        var packed: [Float] = []
        if engineName == "ser_gemm", s.label.hasPrefix("step") {
            packed = [Float](repeating: 0, count: ser_gemm_packed_size(ser_gemm_kernel(), s.k, s.n))
            ser_gemm_pack(ser_gemm_kernel(), s.k, s.n, s.transB ? bT : b, s.n, 1, &packed)
        }
        var c = [Float](repeating: 0, count: s.m * s.n)
        // One checked call: 64 entries against a Double reference, (k + 2)·ε·Σ|terms| bound.
        run(s, a: a, b: b, bT: bT, packed: packed, c: &c)
        let opB = s.transB ? bT : b
        for probe in 0..<64 {
            let i = (probe * 7919) % s.m, j = (probe * 104_729) % s.n
            var sum = 0.0, magnitude = 0.0
            for p in 0..<s.k {
                let term = Double(a[s.transA ? p * s.m + i : i * s.k + p]) * Double(opB[p * s.n + j])
                sum += term
                magnitude += abs(term)
            }
            let bound = Double(s.k + 2) * 1.2e-7 * max(magnitude, 1e-30)
            guard abs(Double(c[i * s.n + j]) - sum) <= bound else {
                fail("\(engine.name) \(s.label): C[\(i), \(j)] = \(c[i * s.n + j]), reference \(sum) (bound \(bound))")
            }
        }
        let flops = 2 * s.m * s.n * s.k
        let reps = max(1, 20_000_000_000 / flops)
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<reps { run(s, a: a, b: b, bT: bT, packed: packed, c: &c) }
        let gflops = Double(flops * reps) / Double(DispatchTime.now().uptimeNanoseconds - start)
        print("shape\t\(s.label)\t\(s.m)\t\(s.n)\t\(s.k)\t\(String(format: "%.1f", gflops))")
    }
}

/// User + system CPU seconds of this process so far (all threads).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

// Whole epochs of the seed model (LSTM 128 → LSTM 64 → Dense 64 → Dense 8, batch 32, padded to
// 200 frames, 59 features) on random data, the LSTM's GEMMs on the engine.
let epochs = Int(option("--epochs", "3")) ?? 3
if epochs > 0 {
    let clips = Int(option("--clips", "1080")) ?? 1080
    let threads = Int(option("--threads", "2")) ?? 2
    var rng = SeededGenerator(seed: 42)
    var sequences: [Matrix] = []
    for _ in 0..<clips {
        guard let m = Matrix(rows: 200, columns: 59, values: (0..<(200 * 59)).map { _ in Float(rng.nextGaussian()) }) else {
            fail("could not build a 200 × 59 matrix")
        }
        sequences.append(m)
    }
    var config = ModelConfig(inputDims: 59, classCount: 8)
    config.sequenceMode = .padded
    do {
        let trainer = try Trainer(config: config, threads: threads, gemm: engine)
        let data = try SequenceDataset(sequences: sequences, labels: (0..<clips).map { $0 % 8 })
        for _ in 0..<epochs {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuSeconds()
            _ = try trainer.trainEpoch(data)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("epoch\t\(String(format: "%.3f", seconds))\t\(String(format: "%.3f", cpuSeconds() - cpuStart))")
        }
    } catch {
        fail("\(error)")
    }
}
