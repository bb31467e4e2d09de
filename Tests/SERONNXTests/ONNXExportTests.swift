import Foundation
import SERCore
import Testing

@testable import SERONNX

/// A small deterministic classifier: D = 3, optional convolutions (`convolution` channels,
/// kernel 3), LSTM 4 (bidirectional or not), dense 5, 3 classes.
func tinyClassifier(
    bidirectional: Bool, pooling: String = "last", masked: Bool = true, normalization: String = "global-zscore",
    convolution: [Int] = []
) -> ONNXClassifier {
    var seed: Float = 0
    func values(_ n: Int) -> [Float] {
        (0..<n).map { _ in
            seed += 1
            return sin(seed * 1.37) * 0.5
        }
    }
    let d = 3, h = 4, dense = 5, classes = 3
    var weights: [NamedTensor] = []
    var width = d
    for (j, channels) in convolution.enumerated() {
        weights.append(NamedTensor(name: "conv.\(j).kernel", shape: [3, width, channels], values: values(3 * width * channels)))
        weights.append(NamedTensor(name: "conv.\(j).bias", shape: [channels], values: values(channels)))
        width = channels
    }
    for name in bidirectional ? ["lstm.0.forward", "lstm.0.backward"] : ["lstm.0"] {
        weights.append(NamedTensor(name: "\(name).kernel", shape: [width, 4 * h], values: values(width * 4 * h)))
        weights.append(NamedTensor(name: "\(name).recurrent_kernel", shape: [h, 4 * h], values: values(h * 4 * h)))
        weights.append(NamedTensor(name: "\(name).bias", shape: [4 * h], values: values(4 * h)))
    }
    let f = bidirectional ? 2 * h : h
    if pooling == "attention" { weights.append(NamedTensor(name: "attention.kernel", shape: [f], values: values(f))) }
    let pooled = pooling == "stats" ? 2 * f : f
    weights.append(NamedTensor(name: "dense.0.kernel", shape: [pooled, dense], values: values(pooled * dense)))
    weights.append(NamedTensor(name: "dense.0.bias", shape: [dense], values: values(dense)))
    weights.append(NamedTensor(name: "output.kernel", shape: [dense, classes], values: values(dense * classes)))
    weights.append(NamedTensor(name: "output.bias", shape: [classes], values: values(classes)))
    let architecture = ONNXClassifier.Architecture(
        inputDims: d, classCount: classes, lstmUnits: [h], bidirectional: bidirectional, denseUnits: [dense], activation: "relu",
        pooling: pooling, maxFrames: 7, masked: masked, normalization: normalization,
        convolution: convolution.isEmpty ? nil : .init(channels: convolution, kernel: 3, activation: "relu"))
    return ONNXClassifier(
        architecture: architecture, mean: [0.1, -0.2, 0.3], std: [1.5, 0.5, 2], weights: weights,
        metadata: ["classes": #"["a","b","c"]"#, "run_id": "1"])
}

@Suite struct ONNXExportTests {
    @Test func lstmGateReorderingMatchesONNXOrder() {
        // Engine kernel [1, 4H] with H = 1: blocks i, f, c, o = 1, 2, 3, 4 → ONNX i, o, f, c.
        #expect(LSTMWeightLayout.onnxMatrix([1, 2, 3, 4], rows: 1, hidden: 1) == [1, 4, 2, 3])
        #expect(LSTMWeightLayout.onnxBias([1, 2, 3, 4], hidden: 1) == [1, 4, 2, 3, 0, 0, 0, 0])
        // [Din = 2, 4H = 4] row-major → [4, 2]: ONNX row k is the engine's column of gate k.
        let kernel: [Float] = [1, 2, 3, 4, 5, 6, 7, 8]
        #expect(LSTMWeightLayout.onnxMatrix(kernel, rows: 2, hidden: 1) == [1, 5, 4, 8, 2, 6, 3, 7])
        #expect(LSTMWeightLayout.engineMatrix([1, 5, 4, 8, 2, 6, 3, 7], rows: 2, hidden: 1) == kernel)
        #expect(LSTMWeightLayout.engineBias([1, 4, 2, 3, 0.5, 0, 0, 0], hidden: 1) == [1.5, 2, 3, 4])
    }

    @Test func convolutionKernelsTransposeToONNXOrder() {
        // Engine [k = 2, Din = 1, C = 3]: tap 0 → 1 2 3, tap 1 → 4 5 6; ONNX [C, Din, k].
        let kernel: [Float] = [1, 2, 3, 4, 5, 6]
        #expect(ConvolutionWeightLayout.onnxKernel(kernel, width: 2, inputs: 1, channels: 3) == [1, 4, 2, 5, 3, 6])
        #expect(ConvolutionWeightLayout.engineKernel([1, 4, 2, 5, 3, 6], width: 2, inputs: 1, channels: 3) == kernel)
    }

    @Test(arguments: [false, true])
    func exportThenImportGivesTheSameWeights(bidirectional: Bool) throws {
        for (pooling, convolution) in [("last", []), ("mean", [2]), ("attention", [4, 2]), ("stats", [])] {
            let model = tinyClassifier(bidirectional: bidirectional, pooling: pooling, convolution: convolution)
            let bytes = try ONNXExporter.serialize(model)
            let back = try ONNXImporter.read(bytes)
            #expect(back.architecture == model.architecture)
            #expect(back.mean == model.mean && back.std == model.std)
            #expect(back.metadata == model.metadata)
            let original = Dictionary(uniqueKeysWithValues: model.weights.map { ($0.name, $0) })
            #expect(back.weights.count == model.weights.count)
            for t in back.weights { #expect(original[t.name] == t, "tensor \(t.name) differs after the round trip") }
        }
    }

    @Test func graphUsesOpset17LSTMAndDeclaresInputsAndOutput() throws {
        let proto = try ONNXExporter.modelProto(tinyClassifier(bidirectional: true, masked: true))
        #expect(proto.opsetImport.first?.version == 17)
        #expect(proto.graph.input.map(\.name) == ["features", "lengths"])
        #expect(proto.graph.output.map(\.name) == ["probabilities"])
        // `lengths` is optional: an initializer of the same name defaults it to "all frames real".
        let lengths = try #require(proto.graph.initializer.first { $0.name == "lengths" })
        #expect(lengths.int32Data == [Int32.max] && lengths.dims == [1])
        let lstm = proto.graph.node.filter { $0.opType == "LSTM" }
        #expect(lstm.count == 1)
        #expect(lstm.first?.input.count == 5, "masked mode passes sequence_lens")
        #expect(lstm.first?.attribute.first { $0.name == "direction" }?.s == Data("bidirectional".utf8))
        #expect(proto.graph.node.last?.opType == "Softmax")
        let padded = try ONNXExporter.modelProto(tinyClassifier(bidirectional: false, masked: false))
        #expect(padded.graph.node.contains { $0.opType == "Pad" })
        #expect(padded.graph.node.first { $0.opType == "LSTM" }?.input.count == 4)
    }

    @Test func missingOrMisshapenWeightsAreRefusedByName() throws {
        var model = tinyClassifier(bidirectional: false)
        model.weights.removeAll { $0.name == "dense.0.bias" }
        #expect(throws: ONNXError(.weightMismatch, "tensor dense.0.bias [5] is missing")) { try ONNXExporter.serialize(model) }
        var wrong = tinyClassifier(bidirectional: false)
        wrong.weights[0].shape = [4, 12]
        #expect(throws: ONNXError.self) { try ONNXExporter.serialize(wrong) }
        #expect(throws: ONNXError.self) { try ONNXImporter.read([1, 2, 3, 4, 5]) }
        // Architecture metadata with impossible sizes is refused, not trusted.
        var bogus = tinyClassifier(bidirectional: false)
        bogus.architecture.inputDims = -3
        var proto = try ONNXExporter.modelProto(tinyClassifier(bidirectional: false))
        let json = String(decoding: try JSONEncoder().encode(bogus.architecture), as: UTF8.self)
        proto.metadataProps = proto.metadataProps.map { entry in
            var e = entry
            if e.key == ONNXExporter.architectureKey { e.value = json }
            return e
        }
        let bytes: [UInt8] = try proto.serializedBytes()
        #expect(throws: ONNXError.self) { try ONNXImporter.read(bytes) }
    }
}
