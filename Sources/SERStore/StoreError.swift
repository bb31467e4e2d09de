/// Why the database could not be found, opened, migrated or written.
///
/// Every case names the file it is about; ``description`` is a complete sentence for the user.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, as a value a caller can switch on.
    public enum Code: String, Sendable {
        case notFound, alreadyExists, notADatabase, notASerDatabase, newerSchema
        case editedMigration, migrationFailed, sqlite, invalidArgument, io
        /// A read-only database (file, folder or medium) whose schema is older than this
        /// binary's: it can be read only after one migration with write access.
        case needsMigration
    }

    /// The kind of failure.
    public let code: Code
    /// The database file (or folder) concerned.
    public let path: String
    /// The reason, in words.
    public let reason: String

    public init(_ code: Code, path: String, _ reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
