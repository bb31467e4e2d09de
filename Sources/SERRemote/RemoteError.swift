public import SERCore

/// Why a remote could not be named, reached, migrated, pushed to or pulled from.
///
/// `location` is the remote (its name or its URL without password); ``description`` is a
/// complete one-line sentence for the user.
public struct RemoteError: LocatedError, Hashable {
    /// The kinds of failure.
    public enum Code: String, Sendable, Hashable {
        /// Not a `postgres://user@host[:port]/database` URL, or an unsupported `sslmode`.
        case invalidURL
        /// The server could not be reached (refused, unknown host, timed out).
        case unreachable
        /// The server refused the user or the password.
        case authentication
        /// The remote was migrated by a newer `ser` than this one.
        case newerSchema
        /// No remote of that name in `ser.db`.
        case unknownRemote
        /// The server rejected a statement.
        case server
        /// The local database could not take what was pulled.
        case local
        /// A push or pull was stopped before it finished (what was committed stays).
        case interrupted
    }

    public let code: Code
    /// The remote at fault: its name or its URL without password.
    public let remote: String
    public let reason: String

    public init(_ code: Code, remote: String, _ reason: String) {
        self.code = code
        self.remote = remote
        self.reason = reason
    }

    public var location: String? { remote }
}
