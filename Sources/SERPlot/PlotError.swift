public import SERCore
/// Why a figure could not be rendered, decoded or written.
public struct PlotError: LocatedError, Equatable {
    /// The kind of failure.
    public enum Code: String, Sendable {
        /// cairo reported an error while drawing or encoding.
        case rendering
        /// The bytes are not a PNG cairo can read.
        case decoding
        /// The output file or its folder cannot be written.
        case io
        /// The values cannot be drawn (no data, mismatched shapes).
        case invalidData
    }

    /// The kind of failure.
    public let code: Code
    /// The file concerned, or `<memory>` when rendering to bytes.
    public let path: String
    /// What went wrong, in words.
    public let reason: String

    public init(_ code: Code, path: String = "<memory>", _ reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    /// `path: reason`, or the reason alone for in-memory rendering.
    public var location: String? { path == "<memory>" ? nil : path }
}
