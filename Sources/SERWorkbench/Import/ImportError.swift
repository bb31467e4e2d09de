public import SERCore

/// Why `ser import` could not start or finish. Always names the path concerned; nothing is
/// written to the database for the errors raised before the walk (`notFound`, `noAudio`,
/// `layout`, `manifest`).
public typealias ImportError = FileError<ImportErrorCode>

/// The kinds of ``ImportError``.
public enum ImportErrorCode: String, Sendable, Codable, Hashable {
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
