import Foundation
import SERCore
import Testing
@testable import SERModel

/// End-to-end training behaviour: learning a synthetic task, determinism and exact resume.
@Suite struct TrainingTests {
    /// Pitch-contour task: each clip is a tone whose pitch rises, falls, stays flat or rises
    /// then falls; frames are soft one-hot "pitch bins" (`dims` wide) plus noise, lengths vary.
    static func contours(count: Int, seed: UInt64) throws -> SequenceDataset {
        var rng = SeededGenerator(seed: seed)
        let dims = 8
        var sequences: [Matrix] = []
        var labels: [Int] = []
        for i in 0..<count {
            let label = i % 4
            let frames = 8 + Int(rng.next() % 9)
            let start = 1.5 + 4 * rng.nextUnitDouble()
            var values: [Float] = []
            for t in 0..<frames {
                let x = Double(t) / Double(frames - 1)
                let pitch: Double =
                    switch label {
                    case 0: start + 3 * x - 1.5
                    case 1: start - 3 * x + 1.5
                    case 2: start
                    default: start + 3 * (1 - abs(2 * x - 1)) - 1.5
                    }
                for d in 0..<dims {
                    let bump = exp(-0.5 * pow(Double(d) - pitch, 2))
                    values.append(Float(bump + 0.1 * rng.nextGaussian()))
                }
            }
            sequences.append(try #require(Matrix(rows: frames, columns: dims, values: values)))
            labels.append(label)
        }
        return try SequenceDataset(sequences: sequences, labels: labels)
    }

    @Test func learnsPitchContours() throws {
        let train = try Self.contours(count: 240, seed: 1)
        let test = try Self.contours(count: 120, seed: 2)
        let config = ModelConfig(
            inputDims: 8, classCount: 4, lstmUnits: [16], dropout: 0.1, denseUnits: [16], maxFrames: 16,
            optimizer: OptimizerConfig(learningRate: 1e-2), batchSize: 16, seed: 5)
        let trainer = try Trainer(config: config, threads: 2)
        var accuracy = 0.0
        for _ in 0..<30 {
            _ = try trainer.trainEpoch(train)
            accuracy = try #require(trainer.evaluate(test).accuracy)
            if accuracy > 0.97 { break }
        }
        #expect(accuracy > 0.95, "held-out accuracy \(accuracy)")
    }

    static func resumeConfig() -> ModelConfig {
        ModelConfig(
            inputDims: 3, classCount: 3, lstmUnits: [5, 4], bidirectional: true, recurrentDropout: 0.2, dropout: 0.3,
            denseUnits: [6], maxFrames: 7, optimizer: OptimizerConfig(kind: .adamW, weightDecay: 0.01), clipNorm: 1,
            schedule: .cosine(epochs: 4, minRate: 1e-4), labelSmoothing: 0.05, batchSize: 5, seed: 11)
    }

    /// 4 epochs straight vs 2 epochs, save weights + state, restore into a fresh trainer,
    /// 2 more epochs: the final weights are bit-identical.
    @Test func resumeIsBitIdentical() throws {
        let data = try #require(ModelTestSupport.randomData(count: 23, dims: 3, lengths: [7, 3, 5, 1, 6, 9], classes: 3, seed: 4))
        let straight = try Trainer(config: Self.resumeConfig(), threads: 2)
        for _ in 0..<4 { _ = try straight.trainEpoch(data) }

        let first = try Trainer(config: Self.resumeConfig(), threads: 2)
        for _ in 0..<2 { _ = try first.trainEpoch(data) }
        let weights = first.weights()
        let encoded = try JSONEncoder().encode(first.state())
        let resumed = try Trainer(config: Self.resumeConfig(), threads: 2)
        try resumed.setWeights(weights)
        try resumed.restore(JSONDecoder().decode(TrainerState.self, from: encoded))
        for _ in 0..<2 { _ = try resumed.trainEpoch(data) }

        #expect(resumed.epoch == 4)
        let a = straight.weights(), b = resumed.weights()
        #expect(a.map(\.name) == b.map(\.name))
        for (x, y) in zip(a, b) {
            #expect(x.values.map(\.bitPattern) == y.values.map(\.bitPattern), "\(x.name) differs after resume")
        }
        #expect(a != first.weights(), "training must change the weights")
    }

    /// Same seed, data and threads: identical weights and metrics; another seed differs.
    @Test func seededRunsAreReproducible() throws {
        let data = try #require(ModelTestSupport.randomData(count: 12, dims: 3, lengths: [4, 2, 5], classes: 3, seed: 9))
        var results: [[EpochResult]] = []
        var finals: [[NamedTensor]] = []
        for seed: UInt64 in [1, 1, 2] {
            var config = Self.resumeConfig()
            config.seed = seed
            let trainer = try Trainer(config: config, threads: 2)
            results.append(try (0..<2).map { _ in try trainer.trainEpoch(data) })
            finals.append(trainer.weights())
        }
        #expect(results[0] == results[1])
        #expect(finals[0] == finals[1])
        #expect(finals[0] != finals[2])
    }

    /// Sharding over two threads computes the same gradient as one thread (up to rounding).
    @Test func twoThreadsMatchOneThread() throws {
        let data = try #require(ModelTestSupport.randomData(count: 9, dims: 3, lengths: [6, 2, 4], classes: 3, seed: 2))
        var config = Self.resumeConfig()
        config.dropout = 0
        config.recurrentDropout = 0
        config.batchSize = 9
        let one = try Trainer(config: config, threads: 1)
        let two = try Trainer(config: config, threads: 2)
        let (l1, g1) = ModelTestSupport.loss(one, data, gradient: true)
        let (l2, g2) = ModelTestSupport.loss(two, data, gradient: true)
        #expect(abs(l1 - l2) < 1e-6)
        for (a, b) in zip(g1, g2) { #expect(abs(a - b) <= 1e-6 + 1e-4 * abs(a)) }
    }

    /// `--ema`: the average is Keras's (`a = p` after the first step, then `a = μ·a + (1 − μ)·p`
    /// after each), validation inside ``Trainer/withEvaluationWeights(_:)`` sees the average
    /// and leaves the trained weights bit-identical, and a resumed trainer carries the average.
    @Test func weightAverageIsKerasEMAAndResumes() throws {
        let data = try #require(ModelTestSupport.randomData(count: 10, dims: 3, lengths: [4, 2, 5], classes: 3, seed: 3))
        var config = Self.resumeConfig()
        config.batchSize = 10  // one step per epoch: the weights after each step are observable
        let mu: Float = 0.75
        config.optimizer.emaMomentum = mu
        let trainer = try Trainer(config: config, threads: 2)
        #expect(trainer.evaluationWeights() == trainer.weights(), "before any step there is no average")
        var expected: [Float] = []
        for step in 1...4 {
            _ = try trainer.trainEpoch(data)
            let p = trainer.weights().flatMap(\.values)
            expected = step == 1 ? p : zip(expected, p).map { mu * $0 + (1 - mu) * $1 }
            let average = trainer.evaluationWeights()
            #expect(average.map(\.name) == trainer.weights().map(\.name))
            let got = average.flatMap(\.values)
            // The same two products and a sum per value: at most a few float32 roundings apart.
            for (g, e) in zip(got, expected) { #expect(abs(g - e) <= 4 * Float.ulpOfOne * max(abs(e), 1e-3)) }
            if step > 1 { #expect(got != p, "the average must differ from the trained weights") }
        }
        let trained = trainer.weights()
        let inside = try trainer.withEvaluationWeights { () throws(ModelError) in try trainer.evaluate(data) }
        #expect(trainer.weights() == trained, "evaluation must put the trained weights back")
        let reference = try Trainer(config: config, threads: 2)
        try reference.setWeights(trainer.evaluationWeights())
        #expect(try reference.evaluate(data).probabilities == inside.probabilities)

        // Resume: two more epochs straight equal two more epochs after a save and restore.
        let state = try JSONDecoder().decode(TrainerState.self, from: JSONEncoder().encode(trainer.state()))
        #expect(state.optimizer.average.count == trained.reduce(0) { $0 + $1.values.count })
        let resumed = try Trainer(config: config, threads: 2)
        try resumed.setWeights(trained)
        try resumed.restore(state)
        for _ in 0..<2 {
            _ = try trainer.trainEpoch(data)
            _ = try resumed.trainEpoch(data)
        }
        #expect(resumed.evaluationWeights() == trainer.evaluationWeights())
        var missing = state
        missing.optimizer.average = []
        #expect(throws: ModelError.self) { try resumed.restore(missing) }
        config.optimizer.emaMomentum = 1
        #expect(throws: ModelError.self) { try Trainer(config: config, threads: 1) }
    }
}
