import SERCore
import Testing
@testable import SERModel

/// Mixup's input mixing, its loss, and the Beta draws behind it.
@Suite struct MixupTests {
    static func config(_ mode: SequenceMode = .masked) -> ModelConfig {
        ModelConfig(
            inputDims: 3, classCount: 3, lstmUnits: [4], dropout: 0, denseUnits: [], maxFrames: 6,
            sequenceMode: mode, labelSmoothing: 0.1, classWeights: [1, 2, 0.5], mixup: 0.4, batchSize: 4, seed: 5)
    }

    @Test func mixingBlendsFramesAndTreatsAShorterPartnersMissingFramesAsZeros() throws {
        let trainer = try Trainer(config: Self.config(), threads: 1)
        let data = try #require(ModelTestSupport.randomData(count: 2, dims: 3, lengths: [6, 3], classes: 3, seed: 1))
        _ = trainer.distribute(data: data, indices: [0, 1])
        let shard = trainer.shards[0]
        shard.mix(lambda: 0.75, partners: [1, 0], dims: 3)
        // Rows sorted longest first: row 0 is clip 0 (6 frames), row 1 clip 1 (3 frames).
        for t in 0..<6 {
            for k in 0..<3 {
                let mixed = shard.input.pointer[(shard.offsets[t] + 0) * 3 + k]
                let own = data.sequences[0][t, k]
                let partner: Float = t < 3 ? data.sequences[1][t, k] : 0
                #expect(abs(mixed - (0.75 * own + 0.25 * partner)) < 1e-6)
                if t < 3 {
                    let other = shard.input.pointer[(shard.offsets[t] + 1) * 3 + k]
                    #expect(abs(other - (0.75 * data.sequences[1][t, k] + 0.25 * data.sequences[0][t, k])) < 1e-6)
                }
            }
        }
    }

    @Test func theMixedLossIsLambdaOfOneLabelAndTheRestOfTheOther() throws {
        let trainer = try Trainer(config: Self.config(.padded), threads: 1)
        // Two identical clips with different labels: mixing leaves the input as it is, so the
        // mixed loss must be exactly the λ-weighted sum of the two labels' losses.
        let clip = try #require(ModelTestSupport.randomData(count: 1, dims: 3, lengths: [5], classes: 3, seed: 2)).sequences[0]
        let twins = try SequenceDataset(sequences: [clip, clip], labels: [0, 2])
        let plain = ModelTestSupport.loss(trainer, twins, gradient: false).0 * 2  // Σ over rows
        let sameFirst = try SequenceDataset(sequences: [clip, clip], labels: [0, 0])
        let lossA = ModelTestSupport.loss(trainer, sameFirst, gradient: false).0 * 2 / 2  // one row, label 0
        let sameSecond = try SequenceDataset(sequences: [clip, clip], labels: [2, 2])
        let lossB = ModelTestSupport.loss(trainer, sameSecond, gradient: false).0 * 2 / 2  // one row, label 2
        #expect(abs(plain - (lossA + lossB)) < 1e-6)
        let mixed = ModelTestSupport.loss(trainer, twins, mix: .reversed(0.7), gradient: false).0 * 2
        // Row 0: 0.7·CE(0) + 0.3·CE(2); row 1: 0.7·CE(2) + 0.3·CE(0) → the same total.
        #expect(abs(mixed - (lossA + lossB)) < 1e-5)
        let skewed = ModelTestSupport.loss(trainer, twins, mix: ModelTestSupport.Mix(lambda: 0.7) { _ in [0, 0] }, gradient: false).0 * 2
        // Both rows mixed with row 0 (label 0): 0.7·CE(0) + 0.3·CE(0), 0.7·CE(2) + 0.3·CE(0).
        #expect(abs(skewed - (lossA + 0.7 * lossB + 0.3 * lossA)) < 1e-5)
    }

    @Test func unmixedBatchesComputeExactlyWhatTheyDidWithoutMixup() throws {
        var off = Self.config()
        off.mixup = 0
        let data = try #require(ModelTestSupport.randomData(count: 4, dims: 3, lengths: [6, 4, 2, 5], classes: 3, seed: 3))
        let a = try Trainer(config: off, threads: 1)
        let b = try Trainer(config: off, threads: 1)
        let plain = ModelTestSupport.loss(a, data, gradient: true)
        let unit = ModelTestSupport.loss(b, data, mix: .reversed(1), gradient: true)
        #expect(plain.0 == unit.0)
        #expect(plain.1 == unit.1)
    }

    @Test func betaDrawsHaveTheirMeansAndVariances() {
        var rng = SeededGenerator(seed: 9)
        for (a, b) in [(0.4, 0.4), (2.0, 5.0), (0.2, 0.2)] {
            let draws = (0..<20_000).map { _ in rng.nextBeta(a, b) }
            #expect(draws.allSatisfy { (0...1).contains($0) })
            let mean = draws.reduce(0, +) / Double(draws.count)
            let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count)
            let expectedMean = a / (a + b)
            let expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1))
            #expect(abs(mean - expectedMean) < 0.01, "Beta(\(a), \(b)) mean \(mean)")
            #expect(abs(variance - expectedVariance) < 0.01, "Beta(\(a), \(b)) variance \(variance)")
        }
        let gammas = (0..<20_000).map { _ in rng.nextGamma(shape: 3) }
        #expect(abs(gammas.reduce(0, +) / 20_000 - 3) < 0.05)
    }

    @Test func trainingWithMixupIsSeededAndReproducible() throws {
        let data = try #require(ModelTestSupport.randomData(count: 12, dims: 3, lengths: [6, 4, 2, 5], classes: 3, seed: 4))
        let a = try Trainer(config: Self.config(), threads: 2)
        let b = try Trainer(config: Self.config(), threads: 2)
        var off = Self.config()
        off.mixup = 0
        let c = try Trainer(config: off, threads: 2)
        for _ in 0..<3 {
            let ra = try a.trainEpoch(data), rb = try b.trainEpoch(data), rc = try c.trainEpoch(data)
            #expect(ra.loss == rb.loss)
            #expect(ra.loss != rc.loss)
        }
        #expect(a.weights().map(\.values) == b.weights().map(\.values))
    }
}
