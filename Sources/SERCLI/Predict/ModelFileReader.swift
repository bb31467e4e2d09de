import Foundation

/// Reads a model file written by `ser export` back into a ``TrainedModel``.
enum ModelFileReader {
    /// - Throws: ``ModelUseError`` naming the file and the reason.
    static func read(path: String) throws -> TrainedModel {
        throw ModelUseError(path: path, "reading ONNX models is not implemented yet")
    }
}
