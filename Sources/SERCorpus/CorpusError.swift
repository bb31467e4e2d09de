/// Why a corpus file or manifest could not be understood. Always names the file.
public struct CorpusError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure.
    public enum Code: String, Sendable, Codable {
        /// The file name (or folder) carries no label under the chosen layout.
        case unlabelled
        /// A CSV manifest lacks a required column (`path`, `label`).
        case missingColumns
        /// A CSV manifest is not well-formed (unterminated quote, no header, ...).
        case malformedManifest
        /// No layout explains the file names found.
        case noLayoutMatch
    }

    /// The kind of failure.
    public let code: Code
    /// The file, folder or manifest concerned.
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
