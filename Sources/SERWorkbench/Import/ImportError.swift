/// Why `ser import` could not start or finish. Always names the path concerned; nothing is
/// written to the database for the errors raised before the walk (`notFound`, `noAudio`,
/// `layout`, `manifest`).
public struct ImportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure.
    public enum Code: String, Sendable, Codable {
        /// A PATH given on the command line does not exist.
        case notFound
        /// The paths hold no audio files.
        case noAudio
        /// No layout matches, or the dataset was imported with another layout.
        case layout
        /// The CSV manifest cannot be used (missing columns, malformed, unreadable).
        case manifest
        /// A file could not be read while hashing.
        case io
        /// Ctrl-C or SIGTERM: the committed batches stay, no version is written.
        case interrupted
        /// `--strict` and some files were rejected.
        case strict
    }

    /// The kind of failure.
    public let code: Code
    /// The file or folder concerned.
    public let path: String
    /// What is wrong, in words.
    public let reason: String

    /// Creates an error about `path`.
    public init(_ code: Code, path: String, _ reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
