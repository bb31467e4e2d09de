import Foundation
import SERCore
import Testing
@testable import SERModel

/// Knowledge distillation: training targets `(1−β)·q(y) + β·t` from a teacher's soft targets.
@Suite struct DistillationTests {
    static func config(distillation: Float?, smoothing: Float = 0.1, mixup: Float = 0) -> ModelConfig {
        ModelConfig(
            inputDims: 3, classCount: 3, lstmUnits: [4], dropout: 0, denseUnits: [5], maxFrames: 6, labelSmoothing: smoothing,
            classWeights: [1, 2, 0.5], mixup: mixup, distillation: distillation, batchSize: 4, seed: 5)
    }

    static func data(count: Int = 8, seed: UInt64 = 3) throws -> SequenceDataset {
        let plain = try #require(ModelTestSupport.randomData(count: count, dims: 3, lengths: [6, 4, 2, 5], classes: 3, seed: seed))
        return try #require(ModelTestSupport.withRandomTargets(plain, classes: 3, seed: seed + 1))
    }

    /// Soft targets that are the labels themselves, at full weight, are the labels: training
    /// (with mixup mixing them) is bit for bit what it is without distillation.
    @Test func oneHotTargetsAtFullWeightTrainExactlyAsTheLabels() throws {
        let plain = try #require(ModelTestSupport.randomData(count: 12, dims: 3, lengths: [6, 4, 2, 5], classes: 3, seed: 4))
        let labels = try #require(plain.labels)
        let oneHot = try #require(
            Matrix(rows: 12, columns: 3, values: labels.flatMap { y in (0..<3).map { $0 == y ? Float(1) : 0 } }))
        let distilled = try SequenceDataset(sequences: plain.sequences, labels: labels, targets: oneHot)
        let a = try Trainer(config: Self.config(distillation: nil, smoothing: 0, mixup: 0.4), threads: 2)
        let b = try Trainer(config: Self.config(distillation: 1, smoothing: 0, mixup: 0.4), threads: 2)
        for _ in 0..<3 {
            #expect(try a.trainEpoch(plain).loss == b.trainEpoch(distilled).loss)
        }
        #expect(a.weights().map(\.values) == b.weights().map(\.values))
    }

    /// The loss is the class-weighted cross-entropy against the blended targets, computed
    /// here from the evaluated probabilities (float32: each `log p` is within a few ulps, so
    /// 1e-5 on a loss of about 1).
    @Test func theLossIsTheCrossEntropyAgainstTheBlendedTargets() throws {
        let beta: Float = 0.3, epsilon = 0.1
        let config = Self.config(distillation: beta)
        let trainer = try Trainer(config: config, threads: 1)
        let data = try Self.data(count: config.batchSize)  // one batch, as the loss helper packs it
        let labels = try #require(data.labels), targets = try #require(data.targets)
        let p = try trainer.evaluate(data).probabilities
        var expected = 0.0
        for r in 0..<data.count {
            let y = labels[r]
            var row = 0.0
            for c in 0..<3 {
                let q = (c == y ? 1 - epsilon : 0) + epsilon / 3
                let blended = (1 - Double(beta)) * q + Double(beta) * Double(targets[r, c])
                row -= blended * log(Double(p[r, c]))
            }
            expected += Double(config.classWeights?[y] ?? 1) * row
        }
        expected /= Double(data.count)
        let loss = ModelTestSupport.loss(trainer, data, gradient: false).0
        #expect(abs(loss - expected) < 1e-5, "loss \(loss), expected \(expected)")
        let undistilled = try Trainer(config: Self.config(distillation: nil), threads: 1)
        #expect(abs(ModelTestSupport.loss(undistilled, data, gradient: false).0 - loss) > 1e-3)
    }

    /// Teacher targets steer training: with β = 1 and every target uniform, the model learns
    /// to be unsure; with the labels it learns them.
    @Test func trainingFollowsTheTeacher() throws {
        let data = try Self.data(count: 12)
        let uniform = try SequenceDataset(
            sequences: data.sequences, labels: data.labels, targets: Matrix(rows: 12, columns: 3, repeating: Float(1) / 3))
        var config = Self.config(distillation: 1, smoothing: 0)
        config.optimizer.learningRate = 0.02
        let teacher = try Trainer(config: config, threads: 1)
        config.distillation = nil
        let labelled = try Trainer(config: config, threads: 1)
        for _ in 0..<60 {
            _ = try teacher.trainEpoch(uniform)
            _ = try labelled.trainEpoch(data)
        }
        let unsure = try teacher.evaluate(data).probabilities.values
        let sure = try labelled.evaluate(data).probabilities.values
        #expect(unsure.allSatisfy { abs($0 - 1 / 3) < 0.05 }, "\(unsure)")
        #expect((sure.max() ?? 0) > 0.6)
    }

    /// Evaluation reads the labels only: soft targets change neither its loss nor anything else.
    @Test func evaluationIgnoresSoftTargets() throws {
        let trainer = try Trainer(config: Self.config(distillation: 0.5), threads: 2)
        let data = try Self.data()
        let bare = try SequenceDataset(sequences: data.sequences, labels: data.labels)
        let with = try trainer.evaluate(data), without = try trainer.evaluate(bare)
        #expect(with.loss == without.loss)
        #expect(with.probabilities.values == without.probabilities.values)
    }

    @Test func refusesMalformedTargetsAndWeights() throws {
        let data = try Self.data()
        let trainer = try Trainer(config: Self.config(distillation: 0.5), threads: 1)
        let bare = try SequenceDataset(sequences: data.sequences, labels: data.labels)
        #expect(throws: ModelError.self) { try trainer.trainEpoch(bare) }
        let wide = try #require(Matrix(rows: 8, columns: 4, values: [Float](repeating: 0.25, count: 32)))
        #expect(throws: ModelError.self) {
            try trainer.trainEpoch(try SequenceDataset(sequences: data.sequences, labels: data.labels, targets: wide))
        }
        var values = try #require(data.targets).values
        values[4] = -values[4]
        let negative = try #require(Matrix(rows: 8, columns: 3, values: values))
        #expect(throws: ModelError.self) {
            try trainer.trainEpoch(try SequenceDataset(sequences: data.sequences, labels: data.labels, targets: negative))
        }
        let unnormalised = try #require(Matrix(rows: 8, columns: 3, values: [Float](repeating: 0.5, count: 24)))
        #expect(throws: ModelError.self) {
            try trainer.trainEpoch(try SequenceDataset(sequences: data.sequences, labels: data.labels, targets: unnormalised))
        }
        let short = try #require(Matrix(rows: 7, columns: 3, repeating: Float(1) / 3))
        #expect(throws: ModelError.self) { try SequenceDataset(sequences: data.sequences, labels: data.labels, targets: short) }
        for weight: Float in [0, -0.5, 1.5, .nan] {
            #expect(throws: ModelError.self) { try Self.config(distillation: weight).validate() }
        }
    }

    /// The weight is a training setting: a distilled model shares its forward pass (and its
    /// prediction engine) with the same architecture trained without it, and the stored
    /// configuration of a model without it reads as before.
    @Test func distillationIsATrainingOnlySetting() throws {
        #expect(Self.config(distillation: 0.5).forwardPass == Self.config(distillation: nil).forwardPass)
        let encoded = String(decoding: try JSONEncoder().encode(Self.config(distillation: nil)), as: UTF8.self)
        #expect(!encoded.contains("distillation"))
        let decoded = try JSONDecoder().decode(ModelConfig.self, from: try JSONEncoder().encode(Self.config(distillation: 0.25)))
        #expect(decoded.distillation == 0.25)
    }
}
