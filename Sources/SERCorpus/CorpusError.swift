public import SERCore

/// Why a corpus file or manifest could not be understood. Always names the file.
public typealias CorpusError = FileError<CorpusErrorCode>

/// The kinds of ``CorpusError``.
public enum CorpusErrorCode: String, Sendable, Codable, Hashable {
    /// The file name (or folder) carries no label under the chosen layout.
    case unlabelled
    /// A CSV manifest lacks a required column (`path`, `label`).
    case missingColumns
    /// A CSV manifest is not well-formed (unterminated quote, no header, ...).
    case malformedManifest
    /// No layout explains the file names found.
    case noLayoutMatch
}
