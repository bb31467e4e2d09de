import SERCore
import Testing
@testable import SERModel

/// Every parameter gradient of small stacked models against central finite differences.
///
/// The engine computes in float32, so the check is in float32 with step h = 1e-2 and passes
/// when `|analytic − numeric| ≤ 2e-4 + 1e-2·|numeric|` for every parameter.
@Suite struct GradientCheckTests {
    static let h: Float = 1e-2
    static let atol = 2e-4
    static let rtol = 1e-2

    func check(
        _ config: ModelConfig, lengths: [Int], threads: Int = 1, dropout: Bool = false, mix: ModelTestSupport.Mix? = nil,
        gemm: GEMM.Engine = .automatic
    ) throws {
        let trainer = try Trainer(config: config, threads: threads, gemm: gemm)
        let plain = try #require(
            ModelTestSupport.randomData(count: 4, dims: config.inputDims, lengths: lengths, classes: config.classCount, seed: 7))
        let data =
            config.distillation == nil
            ? plain : try #require(ModelTestSupport.withRandomTargets(plain, classes: config.classCount, seed: 8))
        if dropout {
            _ = trainer.distribute(data: data, indices: (0..<data.count).map { $0 }[...])
            for k in 0..<trainer.threads { trainer.drawMasks(trainer.shards[k]) }
        }
        let result = ModelTestSupport.gradientCheck(trainer, data, dropout: dropout, mix: mix, h: Self.h, atol: Self.atol, rtol: Self.rtol)
        #expect(result.checked == trainer.parameterCount)
        #expect(result.worst <= 1, "worst gradient mismatch at \(result.tensor) (ratio \(result.worst))")
    }

    static func small(_ change: (inout ModelConfig) -> Void) -> ModelConfig {
        var c = ModelConfig(
            inputDims: 3, classCount: 3, lstmUnits: [4, 3], dropout: 0, denseUnits: [5], activation: .tanh,
            maxFrames: 6, labelSmoothing: 0.1, classWeights: [1, 2, 0.5], batchSize: 4, seed: 3)
        change(&c)
        return c
    }

    @Test func stackedMaskedLastState() throws {
        try check(Self.small { _ in }, lengths: [6, 4, 2, 5])
    }

    @Test func stackedPaddedMeanPooling() throws {
        try check(
            Self.small {
                $0.sequenceMode = .padded; $0.pooling = .mean
            }, lengths: [6, 3, 8, 1])
    }

    @Test func bidirectionalMaskedLastState() throws {
        try check(Self.small { $0.bidirectional = true }, lengths: [6, 4, 2, 5])
    }

    @Test func bidirectionalAttentionTwoThreads() throws {
        try check(
            Self.small {
                $0.bidirectional = true; $0.pooling = .attention
            }, lengths: [5, 1, 6, 3], threads: 2)
    }

    /// Every GEMM engine in use, whichever the machine picks by default: OpenBLAS and each
    /// kernel of SERKernels' `ser_gemm` (the plain loop everywhere; AVX2 and AVX-512 where the
    /// CPU has them, else skipped with a message).
    @Test(arguments: [GEMM.Engine.openBLAS, .ownKernel(.portable)])
    func eachGEMMEngine(_ gemm: GEMM.Engine) throws {
        try check(
            Self.small {
                $0.bidirectional = true; $0.recurrentDropout = 0.25
            }, lengths: [6, 4, 2, 5], dropout: true, gemm: gemm)
        try check(Self.small { $0.sequenceMode = .padded }, lengths: [6, 3, 8, 1], threads: 2, gemm: gemm)
    }

    @Test(.enabled(if: GEMM.Kernel.avx2.isSupported, "this CPU lacks AVX2 + FMA"))
    func avx2Kernel() throws {
        try eachGEMMEngine(.ownKernel(.avx2))
    }

    @Test(.enabled(if: GEMM.Kernel.avx512.isSupported, "this CPU lacks AVX-512F"))
    func avx512Kernel() throws {
        try eachGEMMEngine(.ownKernel(.avx512))
    }

    /// Two convolutions in front of the LSTM (the second's input gradient flows back through
    /// the first), windows cut at each clip's own ends: masked clips of four lengths, one
    /// shorter than the kernel.
    @Test func convolutionsMaskedTanh() throws {
        try check(
            Self.small {
                $0.convChannels = [4, 3]; $0.convKernel = 3; $0.convActivation = .tanh
            }, lengths: [6, 4, 1, 5])
    }

    /// A wide kernel on padded clips (every window reaches past a clip's end), a bidirectional
    /// LSTM reading the convolution and attention pooling, on two threads. (Smooth
    /// activations in these checks: with ReLU a ±h step can cross the kink at 0 and the
    /// central difference is then no derivative at all; ReLU's backward is the dense head's.)
    @Test func convolutionPaddedBidirectional() throws {
        try check(
            Self.small {
                $0.convChannels = [5]; $0.convKernel = 5; $0.sequenceMode = .padded; $0.bidirectional = true; $0.convActivation = .tanh
                $0.pooling = .attention
            }, lengths: [6, 3, 8, 1], threads: 2)
    }

    /// Convolutions on each GEMM engine, with mixup mixing the inputs they read.
    @Test(arguments: [GEMM.Engine.openBLAS, .ownKernel(.portable)])
    func convolutionOnEachEngineWithMixup(_ gemm: GEMM.Engine) throws {
        try check(
            Self.small {
                $0.convChannels = [3, 4]; $0.convKernel = 3; $0.convActivation = .linear; $0.mixup = 0.4
            }, lengths: [6, 4, 2, 5], mix: .reversed(0.7), gemm: gemm)
    }

    /// Statistics pooling, masked (a one-frame clip: σ = √ε, the epsilon's reason) and padded.
    @Test func statisticsPooling() throws {
        try check(
            Self.small {
                $0.pooling = .stats; $0.bidirectional = true
            }, lengths: [6, 4, 1, 5])
        try check(
            Self.small {
                $0.pooling = .stats; $0.sequenceMode = .padded
            }, lengths: [6, 3, 8, 1], threads: 2)
    }

    /// Dropout masks held fixed: the gradient of the masked network is exact too.
    @Test func withFixedDropoutMasks() throws {
        try check(
            Self.small {
                $0.dropout = 0.3; $0.recurrentDropout = 0.25; $0.bidirectional = true
            }, lengths: [6, 4, 2, 5],
            dropout: true)
    }

    /// Mixup: mixed inputs and the mixed, class-weighted, smoothed targets (rows of unequal
    /// length, so some partners are missing frames).
    @Test func withMixup() throws {
        try check(
            Self.small {
                $0.mixup = 0.4; $0.bidirectional = true
            }, lengths: [6, 4, 2, 5], mix: .reversed(0.7))
        try check(
            Self.small {
                $0.mixup = 0.4; $0.sequenceMode = .padded; $0.pooling = .attention
            }, lengths: [6, 3, 8, 1], threads: 2, mix: .reversed(0.6))
    }

    /// Distillation: targets blended with the clips' soft targets, unmixed and mixed.
    @Test func withDistillation() throws {
        try check(
            Self.small {
                $0.distillation = 0.6; $0.bidirectional = true; $0.pooling = .attention
            }, lengths: [6, 4, 2, 5])
        try check(
            Self.small {
                $0.distillation = 0.3; $0.mixup = 0.4; $0.sequenceMode = .padded
            }, lengths: [6, 3, 8, 1], threads: 2, mix: .reversed(0.7))
    }
}
