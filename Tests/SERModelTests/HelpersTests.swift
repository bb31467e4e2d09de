import Foundation
import Testing
@testable import SERModel

@Suite struct HelpersTests {
    @Test func fastTanhAndSigmoidMatchFoundation() {
        var worstTanh = 0.0, worstSigmoid = 0.0
        for k in -200_000...200_000 {
            let x = Float(k) * 6e-5
            worstTanh = max(worstTanh, abs(Double(FastMath.tanh(x)) - Foundation.tanh(Double(x))))
            worstSigmoid = max(worstSigmoid, abs(Double(FastMath.sigmoid(x)) - 1 / (1 + exp(-Double(x)))))
        }
        #expect(worstTanh < 5e-7)
        #expect(worstSigmoid < 5e-7)
        #expect(FastMath.tanh(100) == 1 && FastMath.tanh(-100) == -1)
    }

    @Test func metricsMatchHandComputedValues() throws {
        // Classes 0,1,2; class 2 never predicted.
        let m = try ClassificationMetrics(labels: [0, 0, 1, 1, 1, 2], predictions: [0, 1, 1, 1, 0, 1], classCount: 3)
        #expect(m.confusion == [[1, 1, 0], [1, 2, 0], [0, 1, 0]])
        #expect(abs(m.accuracy - 0.5) < 1e-12)
        #expect(abs(m.precision[1] - 0.5) < 1e-12)
        #expect(abs(m.recall[1] - 2.0 / 3) < 1e-12)
        #expect(abs(m.f1[0] - 0.5) < 1e-12)
        #expect(m.f1[2] == 0)
        let f1Class1 = 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3)
        #expect(abs(m.macroF1 - (0.5 + f1Class1 + 0) / 3) < 1e-12)
        #expect(abs(m.unweightedAverageRecall - (0.5 + 2.0 / 3 + 0) / 3) < 1e-12)
        #expect(throws: ModelError.self) { try ClassificationMetrics(labels: [0], predictions: [3], classCount: 3) }
    }

    @Test func earlyStoppingFollowsKeras() {
        var stop = EarlyStopping(mode: .minimize, patience: 2, minDelta: 0.01)
        #expect(stop.update(epoch: 0, value: 1.0) == .improved)
        #expect(stop.update(epoch: 1, value: 0.995) == .wait)
        #expect(stop.update(epoch: 2, value: 0.9) == .improved)
        #expect(stop.update(epoch: 3, value: 0.95) == .wait)
        #expect(stop.update(epoch: 4, value: 0.91) == .stop)
        #expect(stop.bestEpoch == 2 && stop.bestValue == 0.9)
    }

    @Test func schedules() {
        #expect(LearningRateSchedule.step(every: 2, factor: 0.5).rate(base: 1, epoch: 5, plateauScale: 1) == 0.25)
        let cosine = LearningRateSchedule.cosine(epochs: 10, minRate: 0.1)
        #expect(cosine.rate(base: 1, epoch: 0, plateauScale: 1) == 1)
        #expect(abs(cosine.rate(base: 1, epoch: 5, plateauScale: 1) - 0.55) < 1e-6)
        #expect(abs(cosine.rate(base: 1, epoch: 12, plateauScale: 1) - 0.1) < 1e-6)
    }

    @Test func reduceOnPlateauLowersTheRate() throws {
        var config = ModelConfig(inputDims: 2, classCount: 2, lstmUnits: [2], denseUnits: [])
        config.schedule = .reduceOnPlateau(factor: 0.5, patience: 1, minDelta: 0, minRate: 1e-5)
        let trainer = try Trainer(config: config, threads: 1)
        trainer.observeValidation(loss: 1.0)
        #expect(trainer.learningRate == 1e-3)
        trainer.observeValidation(loss: 0.9)
        #expect(trainer.learningRate == 1e-3)
        trainer.observeValidation(loss: 0.95)  // one epoch without improvement = patience
        #expect(trainer.learningRate == 5e-4)
        trainer.observeValidation(loss: 0.97)
        #expect(trainer.learningRate == 2.5e-4)
    }

    /// Adam's first step moves every parameter with a non-zero gradient by ≈ lr against
    /// its gradient's sign (Keras form: `lr·√(1-β₂)/(1-β₁)·g/(|g|·√(1-β₂)) = lr`).
    @Test func adamFirstStepMovesByLearningRate() throws {
        let layout = ParameterLayout(config: ModelConfig(inputDims: 1, classCount: 2, lstmUnits: [1], denseUnits: []))
        var optimizer = Optimizer(config: OptimizerConfig(learningRate: 0.01), layout: layout)
        var p = [Float](repeating: 1, count: layout.count)
        var g = (0..<layout.count).map { Float($0 % 3) - 1 }
        let expected = zip(p, g).map { $0 - 0.01 * ($1 == 0 ? 0 : ($1 > 0 ? 1 : -1)) }
        p.withUnsafeMutableBufferPointer { pp in
            g.withUnsafeMutableBufferPointer { gg in
                if let pb = pp.baseAddress, let gb = gg.baseAddress { optimizer.apply(parameters: pb, gradient: gb, rate: 0.01) }
            }
        }
        for (a, b) in zip(p, expected) { #expect(abs(a - b) < 1e-6) }
        #expect(optimizer.state.step == 1)
    }
}
