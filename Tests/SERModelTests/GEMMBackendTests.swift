import SERCore
import Testing
@testable import SERModel

/// `ser_gemm` (the kernel this CPU runs) and OpenBLAS train the same model to the same numbers,
/// up to float32 rounding (they sum in different orders, so bit equality is not expected).
@Suite struct GEMMBackendTests {
    @Test(arguments: [SequenceMode.masked, .padded])
    func bothBackendsTrainAlike(_ mode: SequenceMode) throws {
        // Sizes that exercise partial tiles everywhere: 4H = 44 and 28 columns, 7 inputs.
        var config = ModelConfig(
            inputDims: 7, classCount: 3, lstmUnits: [11, 7], bidirectional: true, dropout: 0.2, denseUnits: [6],
            maxFrames: 40, batchSize: 8, seed: 4)
        config.sequenceMode = mode
        let data = try #require(
            ModelTestSupport.randomData(count: 24, dims: 7, lengths: [40, 17, 33, 5, 26], classes: 3, seed: 2))
        let kernel = GEMM.Kernel.allCases.last { $0.isSupported } ?? .portable
        let own = try Trainer(config: config, threads: 2, gemm: .ownKernel(kernel))
        let blas = try Trainer(config: config, threads: 2, gemm: .openBLAS)
        #expect(own.network.parameters.array() == blas.network.parameters.array(), "same initial weights")
        for epoch in 0..<3 {
            let a = try own.trainEpoch(data), b = try blas.trainEpoch(data)
            #expect(abs(a.loss - b.loss) <= 1e-5 * max(1, abs(b.loss)), "epoch \(epoch): loss \(a.loss) vs \(b.loss)")
        }
        let worst = zip(own.network.parameters.array(), blas.network.parameters.array()).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 1e-5, "largest weight difference after 3 epochs: \(worst)")
        #expect(worst > 0, "the two backends round differently; identical weights mean one of them did not run")
    }
}
