import Foundation
import SERCore
import SwiftProtobuf

/// Reads a model written by ``ONNXExporter`` back into an ``ONNXClassifier``: the
/// architecture from the `ser.architecture` metadata, the weights from the initializers
/// (LSTM tensors converted back to the engine's layout), the other metadata as is.
public enum ONNXImporter {
    /// - Throws: ``ONNXError`` `notASerModel` for bytes that are not such a model, or for an
    ///   ensemble (read those with ``readMembers(_:)``).
    public static func read(_ bytes: [UInt8]) throws(ONNXError) -> ONNXClassifier {
        let members = try readMembers(bytes)
        guard members.count == 1, let only = members.first else {
            throw ONNXError(.notASerModel, "an ensemble of \(members.count) models, not a single model")
        }
        return only
    }

    /// The models of a file written by ``ONNXExporter``: one for a single model, every
    /// member (in order, each with the file's metadata) for an ensemble.
    ///
    /// - Throws: ``ONNXError`` `notASerModel` for bytes that are not such a model.
    public static func readMembers(_ bytes: [UInt8]) throws(ONNXError) -> [ONNXClassifier] {
        let model: Onnx_ModelProto
        do {
            model = try Onnx_ModelProto(serializedBytes: bytes)
        } catch {
            throw ONNXError(.notASerModel, "not an ONNX model (\(error))")
        }
        var metadata: [String: String] = [:]
        for entry in model.metadataProps { metadata[entry.key] = entry.value }
        var tensors: [String: (dims: [Int], values: [Float])] = [:]
        for t in model.graph.initializer where t.dataType == Int32(Onnx_TensorProto.DataType.float.rawValue) {
            let values = t.hasRawData ? FloatBlob.decode(t.rawData) ?? [] : t.floatData
            tensors[t.name] = (t.dims.map { Int($0) }, values)
        }
        if let text = metadata.removeValue(forKey: ONNXExporter.ensembleKey) {
            let architectures: [ONNXClassifier.Architecture]
            do {
                architectures = try JSONDecoder().decode([ONNXClassifier.Architecture].self, from: Data(text.utf8))
            } catch {
                throw ONNXError(.notASerModel, "its \(ONNXExporter.ensembleKey) metadata cannot be read: \(error)")
            }
            guard !architectures.isEmpty, architectures.count <= 1024 else {
                throw ONNXError(.notASerModel, "its \(ONNXExporter.ensembleKey) metadata lists \(architectures.count) members")
            }
            // Members of different recipes: each gets its own as its feature_config.
            var recipes: [String]?
            if let text = metadata.removeValue(forKey: ONNXExporter.memberFeatureConfigsKey) {
                guard let objects = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any],
                    objects.count == architectures.count,
                    let encoded = try? objects.map({ try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) })
                else {
                    throw ONNXError(
                        .notASerModel, "its \(ONNXExporter.memberFeatureConfigsKey) metadata is not one recipe per member")
                }
                recipes = encoded.map { String(decoding: $0, as: UTF8.self) }
            }
            var members: [ONNXClassifier] = []
            for (i, a) in architectures.enumerated() {
                var own = metadata
                if let recipes { own["feature_config"] = recipes[i] }
                members.append(try classifier(a, tensors: tensors, prefix: "m\(i).", metadata: own, text: text))
            }
            return members
        }
        guard let text = metadata.removeValue(forKey: ONNXExporter.architectureKey) else {
            throw ONNXError(
                .notASerModel, "an ONNX model, but not one written by `ser export` (no \(ONNXExporter.architectureKey) metadata)")
        }
        let a: ONNXClassifier.Architecture
        do {
            a = try JSONDecoder().decode(ONNXClassifier.Architecture.self, from: Data(text.utf8))
        } catch {
            throw ONNXError(.notASerModel, "its \(ONNXExporter.architectureKey) metadata cannot be read: \(error)")
        }
        return [try classifier(a, tensors: tensors, prefix: "", metadata: metadata, text: text)]
    }

    /// One model of architecture `a` from the float initializers named `prefix` + the
    /// exporter's names (`text` is the metadata the architecture came from, for messages).
    static func classifier(
        _ a: ONNXClassifier.Architecture, tensors: [String: (dims: [Int], values: [Float])], prefix: String,
        metadata: [String: String], text: String
    ) throws(ONNXError) -> ONNXClassifier {
        let limit = 1 << 16
        let sizes = [a.inputDims, a.maxFrames] + a.lstmUnits + a.denseUnits
        guard !a.lstmUnits.isEmpty, a.classCount >= 2, a.classCount <= limit, sizes.allSatisfy({ $0 > 0 && $0 <= limit }) else {
            throw ONNXError(.notASerModel, "its architecture metadata has sizes out of range: \(text)")
        }
        func get(_ name: String, _ count: Int) throws(ONNXError) -> [Float] {
            guard let t = tensors[prefix + name], t.values.count == count else {
                throw ONNXError(.notASerModel, "initializer \(prefix + name) is missing or does not have \(count) values")
            }
            return t.values
        }
        var weights: [NamedTensor] = []
        var width = a.inputDims
        if let c = a.convolution {
            guard c.kernel >= 1, c.kernel <= 99, c.kernel % 2 == 1, c.channels.allSatisfy({ $0 > 0 && $0 <= limit }) else {
                throw ONNXError(.notASerModel, "its architecture metadata has a convolution out of range: \(text)")
            }
            for (j, channels) in c.channels.enumerated() {
                let onnx = try get("conv.\(j).W", channels * width * c.kernel)
                let kernel = ConvolutionWeightLayout.engineKernel(onnx, width: c.kernel, inputs: width, channels: channels)
                weights.append(NamedTensor(name: "conv.\(j).kernel", shape: [c.kernel, width, channels], values: kernel))
                weights.append(NamedTensor(name: "conv.\(j).bias", shape: [channels], values: try get("conv.\(j).B", channels)))
                width = channels
            }
        }
        let directions = a.bidirectional ? 2 : 1
        for (l, h) in a.lstmUnits.enumerated() {
            let w = try get("lstm.\(l).W", directions * 4 * h * width)
            let r = try get("lstm.\(l).R", directions * 4 * h * h)
            let b = try get("lstm.\(l).B", directions * 8 * h)
            let names = a.bidirectional ? ["lstm.\(l).forward", "lstm.\(l).backward"] : ["lstm.\(l)"]
            for (d, name) in names.enumerated() {
                let wd = Array(w[(d * 4 * h * width)..<((d + 1) * 4 * h * width)])
                let rd = Array(r[(d * 4 * h * h)..<((d + 1) * 4 * h * h)])
                let bd = Array(b[(d * 8 * h)..<((d + 1) * 8 * h)])
                weights.append(
                    NamedTensor(
                        name: "\(name).kernel", shape: [width, 4 * h], values: LSTMWeightLayout.engineMatrix(wd, rows: width, hidden: h)))
                weights.append(
                    NamedTensor(
                        name: "\(name).recurrent_kernel", shape: [h, 4 * h], values: LSTMWeightLayout.engineMatrix(rd, rows: h, hidden: h)))
                weights.append(NamedTensor(name: "\(name).bias", shape: [4 * h], values: LSTMWeightLayout.engineBias(bd, hidden: h)))
            }
            width = h * directions
        }
        if a.pooling == "attention" {
            weights.append(NamedTensor(name: "attention.kernel", shape: [width], values: try get("attention.kernel", width)))
        }
        width = a.pooledWidth
        for (j, units) in a.denseUnits.enumerated() {
            weights.append(
                NamedTensor(name: "dense.\(j).kernel", shape: [width, units], values: try get("dense.\(j).kernel", width * units)))
            weights.append(NamedTensor(name: "dense.\(j).bias", shape: [units], values: try get("dense.\(j).bias", units)))
            width = units
        }
        weights.append(
            NamedTensor(name: "output.kernel", shape: [width, a.classCount], values: try get("output.kernel", width * a.classCount)))
        weights.append(NamedTensor(name: "output.bias", shape: [a.classCount], values: try get("output.bias", a.classCount)))
        let normalized = a.normalization != "none"
        let mean = normalized ? try get("normalization.mean", a.inputDims) : [Float](repeating: 0, count: a.inputDims)
        let std = normalized ? try get("normalization.std", a.inputDims) : [Float](repeating: 1, count: a.inputDims)
        return ONNXClassifier(architecture: a, mean: mean, std: std, weights: weights, metadata: metadata)
    }
}
