public import SERCore
/// An error raised by the model engine: a bad configuration, malformed input data, or a
/// weight/state tensor that does not fit the model.
///
/// Every path that user input reaches throws one of these instead of trapping.
public struct ModelError: LocatedError, Hashable {
    /// What kind of problem it is.
    public enum Code: String, Sendable, Hashable, Codable {
        /// A `ModelConfig` field is out of range (zero layers, negative learning rate, …).
        case invalidConfig
        /// Training or evaluation data is malformed (wrong feature width, label out of range, …).
        case invalidInput
        /// A named tensor is missing, unknown, or has the wrong shape or value count.
        case weightMismatch
        /// A saved trainer/optimizer state does not fit this model.
        case invalidState
    }

    /// The kind of problem.
    public let code: Code
    /// A human-readable reason naming the offending field or tensor.
    public let reason: String

    /// Creates an error of kind `code` explained by `reason`.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `"<code>: <reason>"`.
    public var location: String? { code.rawValue }
}
