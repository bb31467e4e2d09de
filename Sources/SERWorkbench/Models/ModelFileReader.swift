public import Foundation
public import SERONNX

/// Reads an ONNX file written by `ser export` back into a ``TrainedModel``: the weights from
/// its initializers, the recipe, classes and normalisation from its metadata.
public enum ModelFileReader {
    /// - Throws: ``ModelUseError`` naming the file and the reason.
    public static func read(path: String) throws -> TrainedModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelUseError(path: path, "cannot be read")
        }
        do {
            return try TrainedModel(onnx: try ONNXImporter.read([UInt8](data)), path: path)
        } catch let error as ONNXError {
            throw ModelUseError(path: path, error.reason)
        }
    }
}
