import Foundation
import SERCore
import Testing
@testable import SERModel

@Suite struct ConfigAndWeightsTests {
    @Test func invalidConfigsThrow() {
        let base = ModelConfig(inputDims: 59, classCount: 8)
        var cases: [(String, ModelConfig)] = []
        var c = base
        c.lstmUnits = []
        cases.append(("lstmUnits", c))
        c = base
        c.optimizer.learningRate = -1
        cases.append(("learningRate", c))
        c = base
        c.dropout = 1
        cases.append(("dropout", c))
        c = base
        c.classWeights = [1, 2]
        cases.append(("classWeights", c))
        c = base
        c.batchSize = 0
        cases.append(("batchSize", c))
        c = base
        c.classCount = 1
        cases.append(("classCount", c))
        c = base
        c.convChannels = [8]
        c.convKernel = 4
        cases.append(("convKernel", c))
        c = base
        c.convChannels = [8, 0]
        cases.append(("convChannels", c))
        for (field, config) in cases {
            #expect(throws: ModelError.self) { try config.validate() }
            do {
                try config.validate()
            } catch {
                #expect(error.code == .invalidConfig)
                #expect(error.reason.contains(field), "reason \(error.reason) should name \(field)")
            }
        }
        #expect(throws: Never.self) { try base.validate() }
    }

    @Test func configDecodesWithDefaults() throws {
        let json = #"{"inputDims": 59, "classCount": 8, "bidirectional": true, "schedule": {"step": {"every": 5, "factor": 0.5}}}"#
        let config = try JSONDecoder().decode(ModelConfig.self, from: Data(json.utf8))
        #expect(config.lstmUnits == [128, 64])
        #expect(config.bidirectional)
        #expect(config.schedule == .step(every: 5, factor: 0.5))
        let roundTrip = try JSONDecoder().decode(ModelConfig.self, from: JSONEncoder().encode(config))
        #expect(roundTrip == config)
    }

    @Test func seedModelLayoutMatchesKeras() throws {
        let trainer = try Trainer(config: ModelConfig(inputDims: 59, classCount: 8), threads: 1)
        let shapes = trainer.weightShapes
        #expect(
            shapes.map(\.name) == [
                "lstm.0.kernel", "lstm.0.recurrent_kernel", "lstm.0.bias", "lstm.1.kernel", "lstm.1.recurrent_kernel",
                "lstm.1.bias", "dense.0.kernel", "dense.0.bias", "output.kernel", "output.bias",
            ])
        #expect(shapes.map(\.shape) == [[59, 512], [128, 512], [512], [128, 256], [64, 256], [256], [64, 64], [64], [64, 8], [8]])
        // 96,256 + 49,408 + 4,160 + 520: what Keras's summary() reports for the seed model.
        #expect(trainer.parameterCount == 150_344)
    }

    @Test func initialisationFollowsKeras() throws {
        let trainer = try Trainer(config: ModelConfig(inputDims: 59, classCount: 8, seed: 3), threads: 1)
        let w = Dictionary(uniqueKeysWithValues: trainer.weights().map { ($0.name, $0) })
        let recurrent = try #require(w["lstm.1.recurrent_kernel"])  // [64, 256], orthonormal rows
        for i in [0, 17, 63] {
            for j in [0, 17, 63] {
                var dot: Float = 0
                for k in 0..<256 { dot += recurrent.values[i * 256 + k] * recurrent.values[j * 256 + k] }
                #expect(abs(dot - (i == j ? 1 : 0)) < 1e-5)
            }
        }
        let bias = try #require(w["lstm.0.bias"])
        #expect(bias.values[0..<128].allSatisfy { $0 == 0 })
        #expect(bias.values[128..<256].allSatisfy { $0 == 1 })
        #expect(bias.values[256...].allSatisfy { $0 == 0 })
        let kernel = try #require(w["lstm.0.kernel"])
        let limit = Float((6.0 / Double(59 + 512)).squareRoot())
        #expect(kernel.values.allSatisfy { abs($0) <= limit })
        #expect((kernel.values.map(abs).max() ?? 0) > 0.95 * limit)
    }

    /// Keras's `Conv1D` defaults: a Glorot-uniform `[k, Din, C]` kernel with fans `k·Din` and
    /// `k·C` (`compute_fans`), a zero bias; the convolution's tensors come first and the LSTM
    /// above reads its channels.
    @Test func convolutionInitialisationFollowsKeras() throws {
        let config = ModelConfig(inputDims: 59, classCount: 8, convChannels: [128, 64], convKernel: 5, seed: 3)
        let trainer = try Trainer(config: config, threads: 1)
        let weights = trainer.weights()
        #expect(weights.prefix(4).map(\.name) == ["conv.0.kernel", "conv.0.bias", "conv.1.kernel", "conv.1.bias"])
        let w = Dictionary(uniqueKeysWithValues: weights.map { ($0.name, $0) })
        for (name, fanIn, fanOut) in [("conv.0.kernel", 5 * 59, 5 * 128), ("conv.1.kernel", 5 * 128, 5 * 64)] {
            let kernel = try #require(w[name])
            let limit = Float((6.0 / Double(fanIn + fanOut)).squareRoot())
            #expect(kernel.values.allSatisfy { abs($0) <= limit }, "\(name)")
            // U(±limit) has standard deviation limit/√3; 20k+ draws put the estimate within 3 %.
            let n = Float(kernel.values.count)
            let std = (kernel.values.reduce(0) { $0 + $1 * $1 } / n).squareRoot()
            #expect(abs(std / (limit / Float(3).squareRoot()) - 1) < 0.03, "\(name): std \(std), limit \(limit)")
        }
        #expect(try #require(w["conv.0.bias"]).values.allSatisfy { $0 == 0 })
        #expect(try #require(w["lstm.0.kernel"]).shape == [64, 512])
    }

    @Test func setWeightsRejectsMismatches() throws {
        let trainer = try Trainer(config: ModelConfig(inputDims: 4, classCount: 3, lstmUnits: [3], denseUnits: []), threads: 1)
        var weights = trainer.weights()
        weights[0].values[0] = 42
        try trainer.setWeights(weights)
        #expect(trainer.weights()[0].values[0] == 42)
        var wrong = weights
        wrong[1].shape = [4, 12]
        #expect(throws: ModelError.self) { try trainer.setWeights(wrong) }
        #expect(throws: ModelError.self) { try trainer.setWeights(Array(weights.dropLast())) }
        #expect(throws: ModelError.self) { try trainer.setWeights(weights + [NamedTensor(name: "extra", shape: [1], values: [0])]) }
    }

    /// A model loaded for prediction (no initialisation, workspaces for the clips at hand)
    /// gives bit for bit what the trained model's own evaluation gives, masked and padded,
    /// bidirectional with attention, for fewer clips than a batch and for more.
    @Test(arguments: [SequenceMode.masked, .padded])
    func aLoadedModelEvaluatesExactlyAsTheTrainedOne(mode: SequenceMode) throws {
        var config = ModelConfig(inputDims: 6, classCount: 4, lstmUnits: [8], bidirectional: true, denseUnits: [5])
        config.pooling = .attention
        config.sequenceMode = mode
        config.maxFrames = 12
        config.batchSize = 8
        let trainer = try Trainer(config: config, threads: 2)
        let data = try #require(ModelTestSupport.randomData(count: 19, dims: 6, lengths: [12, 5, 9, 3], classes: 4, seed: 7))
        _ = try trainer.trainEpoch(data)
        for count in [3, 19] {
            let subset = try SequenceDataset(sequences: Array(data.sequences.prefix(count)), labels: nil)
            let loaded = try Trainer.loaded(trainer.weights(), config: config, clips: count)
            let expected = try trainer.evaluate(subset).probabilities
            let got = try loaded.evaluate(subset).probabilities
            #expect(got.values == expected.values, "\(mode), \(count) clips")
        }
        #expect(throws: ModelError.self) { try Trainer.loaded(Array(trainer.weights().dropLast()), config: config, clips: 3) }
    }

    /// Models that differ only in training settings have one forward pass: an engine loaded
    /// with the first's weights, then given the second's, evaluates exactly as the second.
    @Test func modelsDifferingOnlyInTrainingShareAnEngine() throws {
        var first = ModelConfig(inputDims: 5, classCount: 3, lstmUnits: [6], denseUnits: [4])
        first.batchSize = 4
        var second = first
        second.seed = 9
        second.mixup = 0.2
        second.labelSmoothing = 0.1
        second.dropout = 0.5
        second.optimizer.learningRate = 3e-3
        second.schedule = .cosine(epochs: 3, minRate: 0)
        #expect(first.forwardPass == second.forwardPass && first != second)
        var wider = first
        wider.lstmUnits = [7]
        #expect(wider.forwardPass != first.forwardPass)
        let data = try #require(ModelTestSupport.randomData(count: 6, dims: 5, lengths: [4, 7], classes: 3, seed: 3))
        let a = try Trainer(config: first, threads: 1), b = try Trainer(config: second, threads: 1)
        _ = try a.trainEpoch(data)
        _ = try b.trainEpoch(data)
        let shared = try Trainer.loaded(a.weights(), config: first.forwardPass, clips: 6)
        try shared.setWeights(b.weights())
        let inputs = try SequenceDataset(sequences: data.sequences, labels: nil)
        #expect(try shared.evaluate(inputs).probabilities.values == b.evaluate(inputs).probabilities.values)
        #expect(try shared.evaluate(inputs).probabilities.values != a.evaluate(inputs).probabilities.values)
    }

    @Test func badInputThrows() throws {
        let trainer = try Trainer(config: ModelConfig(inputDims: 4, classCount: 3, lstmUnits: [3]), threads: 1)
        let wrongDims = try SequenceDataset(sequences: [Matrix(rows: 2, columns: 5)], labels: [0])
        #expect(throws: ModelError.self) { try trainer.trainEpoch(wrongDims) }
        let badLabel = try SequenceDataset(sequences: [Matrix(rows: 2, columns: 4)], labels: [3])
        #expect(throws: ModelError.self) { try trainer.trainEpoch(badLabel) }
        let empty = try SequenceDataset(sequences: [Matrix(rows: 0, columns: 4)], labels: [0])
        #expect(throws: ModelError.self) { try trainer.evaluate(empty) }
    }
}
