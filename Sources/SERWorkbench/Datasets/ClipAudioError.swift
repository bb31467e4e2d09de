public import SERCore
/// Why a clip's audio could not be found or trusted. Names the clip and its file.
public struct ClipAudioError: LocatedError, Equatable {
    /// The kind of failure.
    public enum Code: String, Sendable {
        /// The file is no longer at its recorded path.
        case moved
        /// The file is there but its size or content hash changed since import.
        case changed
        /// The file (or stored PCM) cannot be decoded.
        case undecodable
    }

    /// The kind of failure.
    public let code: Code
    /// The clip's id.
    public let clipID: Int64
    /// The clip's recorded path.
    public let path: String
    /// What is wrong, in words.
    public let reason: String

    /// Creates an error about clip `clipID` at `path`.
    public init(_ code: Code, clipID: Int64, path: String, _ reason: String) {
        self.code = code
        self.clipID = clipID
        self.path = path
        self.reason = reason
    }

    public var location: String? { "clip \(clipID) (\(path))" }
}
