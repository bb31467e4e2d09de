/// A file format a trained model exports to.
public enum ModelFormat: String, CaseIterable, Sendable {
    /// ONNX (opset 17): runs in onnxruntime; `ser predict --model` reads it back.
    case onnx
    /// safetensors: the weights and normalisation, architecture in the metadata.
    case safetensors
    /// Plain JSON of every weight, for small models (see ``JSONModelDump/maximumValues``).
    case json

    /// The usual file extension.
    public var fileExtension: String { rawValue }
}
