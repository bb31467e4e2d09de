public import SERCore

/// Why the database could not be found, opened, migrated or written.
///
/// Every case names the file it is about; ``description`` is a complete sentence for the user.
public typealias StoreError = FileError<StoreErrorCode>

/// The kinds of ``StoreError``.
public enum StoreErrorCode: String, Sendable, Hashable {
    case notFound, alreadyExists, notADatabase, notASerDatabase, newerSchema
    case editedMigration, migrationFailed, sqlite, invalidArgument, io
    /// A read-only database (file, folder or medium) whose schema is older than this
    /// binary's: it can be read only after one migration with write access.
    case needsMigration
}
