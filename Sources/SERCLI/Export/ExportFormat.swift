import ArgumentParser

/// The file formats of `ser export`.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    /// The whole classifier as an ONNX model (opset 17).
    case onnx
    /// The weights by name plus normalisation, with the metadata in `__metadata__`.
    case safetensors
    /// A readable JSON dump of everything (small models).
    case json

    /// The file extension.
    var fileExtension: String { rawValue }
}
