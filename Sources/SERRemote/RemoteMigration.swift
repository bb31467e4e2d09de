/// One forward-only step of a remote's schema: applied once, in one transaction, recorded in
/// `remote_schema_migrations`. A shipped migration is never edited; a change is a new one.
public struct RemoteMigration: Sendable, Hashable {
    public let version: Int
    public let name: String
    /// The statements, run in order (the extended protocol takes one statement at a time).
    public let statements: [String]
}
