public import SERCore
/// Why a classifier could not be exported to ONNX or read back from an ONNX file.
public struct ONNXError: LocatedError, Equatable {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The architecture or weights do not describe a model this exporter supports.
        case unsupported
        /// A weight tensor is missing or has the wrong shape.
        case weightMismatch
        /// The bytes are not an ONNX model written by `ser export`.
        case notASerModel
    }

    public let code: Code
    /// The reason, in words, naming the tensor, property or setting concerned.
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var location: String? { nil }
}
