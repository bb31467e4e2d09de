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
/// (`last`: `Y_h`; `mean`: masked `ReduceSum` / lengths or `ReduceMean`; `attention`:
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
        let model = try modelProto(classifier)
        do {
            return try model.serializedBytes()
        } catch {
            throw ONNXError(.unsupported, "the model cannot be serialized: \(error)")
        }
    }

    /// The model as a protobuf message.
    static func modelProto(_ c: ONNXClassifier) throws(ONNXError) -> Onnx_ModelProto {
        let a = c.architecture
        guard !a.lstmUnits.isEmpty, a.inputDims > 0, a.classCount >= 2, a.maxFrames > 0 else {
            throw ONNXError(.unsupported, "the architecture needs ≥ 1 LSTM layer, D > 0, ≥ 2 classes and maxFrames > 0")
        }
        let builder = ONNXGraphBuilder()
        try builder.buildClassifier(c)
        var graph = Onnx_GraphProto()
        graph.name = "ser_classifier"
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
        model.producerVersion = c.metadata["ser_version"] ?? ""
        model.graph = graph
        model.docString =
            "Speech-emotion classifier exported by ser. Inputs: features [batch, frames, dims] float32 (raw features "
            + "from the feature_config metadata), lengths [batch] int32. Output: probabilities [batch, classes]."
        var metadata = c.metadata
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            metadata[architectureKey] = String(decoding: try encoder.encode(a), as: UTF8.self)
        } catch {
            throw ONNXError(.unsupported, "the architecture cannot be encoded: \(error)")
        }
        model.metadataProps = metadata.sorted { $0.key < $1.key }.map { key, value in
            var entry = Onnx_StringStringEntryProto()
            entry.key = key
            entry.value = value
            return entry
        }
        return model
    }
}
