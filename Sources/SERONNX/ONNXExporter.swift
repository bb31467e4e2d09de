import Foundation
import SERCore
import SwiftProtobuf

/// Writes an ``ONNXClassifier`` as a standard ONNX model (IR 8, opset 17, default domain
/// only), runnable by onnxruntime and accepted by `onnx.checker`.
///
/// Inputs:
/// - `features` float32 `[batch, frames, D]`: raw (un-normalised) features, row-major, each
///   clip's frames first and any padding after them (values of padding frames are ignored).
/// - `lengths` int32 `[batch]`, optional: each clip's real frame count (≥ 1). It is also an
///   initializer holding `[Int32.max]`, so a runtime that is not given it treats every frame
///   of `features` as real (one unpadded clip, or clips of equal length).
///
/// Output: `probabilities` float32 `[batch, C]` (softmax over the classes of `classes`).
///
/// The graph: `Slice` to `maxFrames` frames, lengths clamped to the frames present (`Min`, `Expand` to `[batch]`) → a real-frame mask
/// (`Range`, `Less`) → optional CMVN (`ReduceSum`/`Div`/`Sqrt`/`Max` over real frames) →
/// `(x − mean) / std` (`Sub`, `Div`) → zero on padding (`Mul`) → in padded mode `Pad` to
/// `maxFrames` → `Transpose` to time-major → one ONNX `LSTM` per layer (gate order i, o, f, c;
/// `B = [Wb | Rb]` with the fused bias in `Wb`; `direction = bidirectional` when so;
/// `sequence_lens` in masked mode) with `Transpose` + `Reshape` between layers → pooling
/// (`last`: `Y_h`; `mean`: masked `ReduceSum` / lengths or `ReduceMean`; `stats`: the same for
/// the mean and the variance, then `[μ | √(var + 1e-5)]`; `attention`:
/// `MatMul`, `Where`, `Softmax` over time, `ReduceSum`) → `MatMul` + `Add` (+ `Relu`/`Tanh`) per
/// dense layer → `MatMul` + `Add` → `Softmax`.
public enum ONNXExporter {
    /// The ONNX opset the graph uses.
    public static let opsetVersion: Int64 = 17
    /// The ONNX IR version written.
    public static let irVersion: Int64 = 8
    /// The metadata key holding ``ONNXClassifier/Architecture`` as JSON.
    public static let architectureKey = "ser.architecture"

    /// The serialized `ModelProto`.
    ///
    /// - Throws: ``ONNXError`` for an unsupported setting or a missing/misshapen weight.
    public static func serialize(_ classifier: ONNXClassifier) throws(ONNXError) -> [UInt8] {
        try serialize(try modelProto(classifier))
    }

    /// The metadata key of an ensemble: the members' ``ONNXClassifier/Architecture``s as a
    /// JSON array, member `i`'s graph and weights under the name prefix `m<i>.`.
    public static let ensembleKey = "ser.ensemble"

    /// The metadata key of an ensemble whose members use different feature recipes (columns
    /// of one input): each member's `feature_config`, a JSON array in member order.
    /// ``ONNXImporter/readMembers(_:)`` gives member `i` the `i`-th as its `feature_config`.
    public static let memberFeatureConfigsKey = "ensemble_feature_configs"

    /// The serialized `ModelProto` of an ensemble: every member's graph (its own truncation,
    /// normalisation and weights, names prefixed `m<i>.`) reads the shared `features` and
    /// `lengths` inputs, and `probabilities` is the `Mean` of the members' probabilities.
    /// `metadata` is the model's (classes, feature recipe, …); the architectures go under
    /// ``ensembleKey``.
    ///
    /// Members may read different columns of the input (members of different feature recipes
    /// that one recipe's columns include, ``FeatureConfig/columnUnion(_:)``): with
    /// `inputColumns`, member `i` whose entry is not `nil` reads `Gather(features, columns,
    /// axis 2)` (`m<i>.features`, its own `inputDims` wide) out of an input `inputDims` wide.
    ///
    /// - Throws: ``ONNXError`` for no member, members that differ in input dims (without
    ///   columns) or classes, columns out of range or not matching a member's input dims, a
    ///   per-speaker member reading selected columns, or a member the single-model export
    ///   refuses.
    public static func serialize(
        ensemble members: [ONNXClassifier], metadata: [String: String], inputDims: Int? = nil, inputColumns: [[Int]?] = []
    ) throws(ONNXError) -> [UInt8] {
        guard let first = members.first?.architecture else { throw ONNXError(.unsupported, "an ensemble needs at least one member") }
        let width = inputDims ?? first.inputDims
        func columns(_ i: Int) -> [Int]? { inputColumns.indices.contains(i) ? inputColumns[i] : nil }
        for (i, member) in members.enumerated() {
            let a = member.architecture
            guard a.classCount == first.classCount else { throw ONNXError(.unsupported, "the ensemble's members differ in classes") }
            guard let selected = columns(i) else {
                guard a.inputDims == width else { throw ONNXError(.unsupported, "the ensemble's members differ in input dims") }
                continue
            }
            guard selected.count == a.inputDims, selected.allSatisfy({ (0..<width).contains($0) }) else {
                throw ONNXError(.unsupported, "member \(i) reads \(selected.count) columns of \(width), its model takes \(a.inputDims)")
            }
            guard a.normalization != ONNXClassifier.speakerNormalization else {
                throw ONNXError(.unsupported, "member \(i) is per-speaker: its speaker statistics cannot be column-selected")
            }
        }
        let builder = ONNXGraphBuilder()
        builder.int32s("lengths", [1], [Int32.max])
        var outputs: [String] = []
        for (i, member) in members.enumerated() {
            try check(member.architecture)
            let graph = ONNXGraphBuilder()
            try graph.buildClassifier(member)
            let prefix = "m\(i)."
            var shared = Set(["lengths"] + ONNXClassifier.speakerInputs)
            if let selected = columns(i) {
                let indices = builder.int64s(prefix + "input_columns", [selected.count], selected.map { Int64($0) })
                builder.add("Gather", ["features", indices], [ONNXGraphBuilder.int("axis", 2)], outputs: [prefix + "features"])
            } else {
                shared.insert("features")
            }
            builder.absorb(graph, prefix: prefix, shared: shared)
            outputs.append(prefix + "probabilities")
        }
        builder.add("Mean", outputs, outputs: ["probabilities"])
        var all = metadata
        all[ensembleKey] = try json(members.map(\.architecture))
        let speaker = members.filter { $0.architecture.normalization == ONNXClassifier.speakerNormalization }
        if let one = speaker.first?.architecture {
            // One pair of speaker inputs serves every per-speaker member: they must cut clips alike.
            guard speaker.allSatisfy({ $0.architecture.maxFrames == one.maxFrames }) else {
                throw ONNXError(
                    .unsupported, "the ensemble's per-speaker members differ in maxFrames; their speaker statistics would differ")
            }
            all[speakerStatisticsKey] = ONNXClassifier.speakerStatisticsRecipe
        }
        var input = first
        input.inputDims = width
        return try serialize(model(builder, input, metadata: all, name: "ser_ensemble", speakerInputs: !speaker.isEmpty))
    }

    /// The model as a protobuf message.
    static func modelProto(_ c: ONNXClassifier) throws(ONNXError) -> Onnx_ModelProto {
        let a = c.architecture
        try check(a)
        let builder = ONNXGraphBuilder()
        try builder.buildClassifier(c)
        var metadata = c.metadata
        metadata[architectureKey] = try json(a)
        let speaker = a.normalization == ONNXClassifier.speakerNormalization
        if speaker { metadata[speakerStatisticsKey] = ONNXClassifier.speakerStatisticsRecipe }
        return model(builder, a, metadata: metadata, name: "ser_classifier", speakerInputs: speaker)
    }

    /// Refuses an architecture the graph cannot express.
    static func check(_ a: ONNXClassifier.Architecture) throws(ONNXError) {
        guard !a.lstmUnits.isEmpty, a.inputDims > 0, a.classCount >= 2, a.maxFrames > 0 else {
            throw ONNXError(.unsupported, "the architecture needs ≥ 1 LSTM layer, D > 0, ≥ 2 classes and maxFrames > 0")
        }
    }

    /// `value` as sorted-key JSON text.
    static func json<T: Encodable>(_ value: T) throws(ONNXError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw ONNXError(.unsupported, "the architecture cannot be encoded: \(error)")
        }
    }

    /// `model`'s bytes.
    static func serialize(_ model: Onnx_ModelProto) throws(ONNXError) -> [UInt8] {
        do {
            return try model.serializedBytes()
        } catch {
            throw ONNXError(.unsupported, "the model cannot be serialized: \(error)")
        }
    }

    /// The metadata key saying how to compute a per-speaker model's speaker inputs.
    public static let speakerStatisticsKey = "speaker_statistics"

    /// The `ModelProto` of `builder`'s graph: inputs `features` and `lengths` (and the
    /// speaker's statistics with `speakerInputs`), output `probabilities` (shaped by `a`),
    /// opset and `metadata`.
    static func model(
        _ builder: ONNXGraphBuilder, _ a: ONNXClassifier.Architecture, metadata: [String: String], name: String, speakerInputs: Bool
    ) -> Onnx_ModelProto {
        var graph = Onnx_GraphProto()
        graph.name = name
        graph.node = builder.nodes
        graph.initializer = builder.initializers
        graph.input = [
            ONNXGraphBuilder.valueInfo(
                "features", elementType: .float, dims: [.symbolic("batch"), .symbolic("frames"), .fixed(a.inputDims)],
                doc:
                    "raw features [batch, frames, dims] computed with the feature_config metadata (librosa); padding after each clip's frames"
            ),
            ONNXGraphBuilder.valueInfo(
                "lengths", elementType: .int32, dims: [.symbolic("batch_or_1")],
                doc: "optional: real frames per clip [batch] (frames beyond are padding); default: all frames real"),
        ]
        if speakerInputs {
            graph.input += ONNXClassifier.speakerInputs.map { input in
                ONNXGraphBuilder.valueInfo(
                    input, elementType: .float, dims: [.fixed(a.inputDims)],
                    doc:
                        "the speaker's feature \(input == "speaker_mean" ? "means" : "standard deviations") [dims]: see the speaker_statistics metadata"
                )
            }
        }
        graph.output = [
            ONNXGraphBuilder.valueInfo(
                "probabilities", elementType: .float, dims: [.symbolic("batch"), .fixed(a.classCount)],
                doc: "class probabilities in the order of the classes metadata")
        ]
        var opset = Onnx_OperatorSetIdProto()
        opset.domain = ""
        opset.version = opsetVersion
        var model = Onnx_ModelProto()
        model.irVersion = irVersion
        model.opsetImport = [opset]
        model.producerName = "ser"
        model.producerVersion = metadata["ser_version"] ?? ""
        model.graph = graph
        model.docString =
            "Speech-emotion classifier exported by ser. Inputs: features [batch, frames, dims] float32 (raw features "
            + "from the feature_config metadata), lengths [batch] int32. Output: probabilities [batch, classes]."
        model.metadataProps = metadata.sorted { $0.key < $1.key }.map { key, value in
            var entry = Onnx_StringStringEntryProto()
            entry.key = key
            entry.value = value
            return entry
        }
        return model
    }
}
