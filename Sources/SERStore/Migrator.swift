public import GRDB
import SERCore

/// Applies embedded migrations in order, each in its own `BEGIN IMMEDIATE` transaction, and
/// records them in `schema_migrations`.
///
/// Safe against concurrent processes: each migration re-checks, inside its write-locked
/// transaction, whether another process applied it meanwhile. A database that records a
/// migration this binary does not know (written by a newer `ser`) is refused before anything
/// is written, and so is one whose applied migration text differs from the shipped one.
public struct Migrator: Sendable {
    /// The migrations to apply, in version order.
    public let migrations: [Migration]

    public init(migrations: [Migration] = EmbeddedMigrations.all) {
        self.migrations = migrations
    }

    /// The `application_id` stamped into every `ser` database header ("SER1").
    public static let applicationID: Int32 = 0x5345_5231

    /// What a migration pass did.
    public struct Outcome: Sendable, Equatable {
        /// Versions this call applied (empty when the database was already current).
        public var applied: [Int]
        /// The schema version after the call.
        public var version: Int
    }

    /// Brings the database to the latest embedded version.
    ///
    /// - Throws: ``StoreError`` with `.newerSchema`, `.editedMigration` or `.migrationFailed`.
    @discardableResult
    public func migrate(_ writer: any DatabaseWriter, path: String) throws -> Outcome {
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS schema_migrations (
                            version    INTEGER PRIMARY KEY,
                            name       TEXT NOT NULL,
                            checksum   TEXT NOT NULL,
                            applied_at TEXT NOT NULL,
                            applied_by TEXT NOT NULL
                        )
                        """)
                try check(db, path: path)
                return .commit
            }
            var applied: [Int] = []
            for migration in migrations {
                try db.inTransaction(.immediate) {
                    if try Int.fetchOne(db, sql: "SELECT 1 FROM schema_migrations WHERE version = ?", arguments: [migration.version]) != nil
                    {
                        return .commit  // another process got here first
                    }
                    do {
                        try db.execute(sql: migration.sql)
                        try db.execute(
                            sql: "INSERT INTO schema_migrations (version, name, checksum, applied_at, applied_by) VALUES (?, ?, ?, ?, ?)",
                            arguments: [migration.version, migration.name, migration.checksum, Timestamp.now(), "ser \(SERVersion.string)"])
                        try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
                        try db.execute(sql: "PRAGMA user_version = \(migration.version)")
                        let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                        if !violations.isEmpty {
                            throw StoreError(
                                .migrationFailed, path: path,
                                "migration \(migration.version) (\(migration.name)) leaves \(violations.count) foreign-key violations")
                        }
                    } catch let error as DatabaseError {
                        throw StoreError(
                            .migrationFailed, path: path,
                            "migration \(migration.version) (\(migration.name)) failed: \(error.message ?? "\(error)"); nothing of it was applied"
                        )
                    }
                    applied.append(migration.version)
                    return .commit
                }
            }
            let version = try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_migrations") ?? 0
            return Outcome(applied: applied, version: version)
        }
    }

    /// Checks, without writing, that the database is at this binary's schema.
    ///
    /// - Throws: ``StoreError`` `.newerSchema` or `.editedMigration` as ``migrate(_:path:)``
    ///   does, and `.needsMigration` naming the versions still to apply.
    public func checkCurrent(_ reader: any DatabaseReader, path: String) throws {
        try reader.read { db in
            guard try db.tableExists("schema_migrations") else {
                throw StoreError(
                    .needsMigration, path: path, "has no schema yet and cannot be written (read-only); open it once with write access")
            }
            try check(db, path: path)
            let applied = try Set(Int.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
            let pending = migrations.filter { !applied.contains($0.version) }
            if let first = pending.first, let last = pending.last {
                throw StoreError(
                    .needsMigration, path: path,
                    "has schema version \(first.version - 1) and this ser \(SERVersion.string) needs \(last.version); it is read-only here, so it cannot be migrated. Run any ser command on it once with write access (or on a writable copy)"
                )
            }
        }
    }

    /// Refuses databases from a newer `ser` and edited shipped migrations.
    private func check(_ db: Database, path: String) throws {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        let latest = migrations.last?.version ?? 0
        for row in try Row.fetchAll(db, sql: "SELECT version, name, checksum FROM schema_migrations ORDER BY version") {
            let version: Int = row["version"]
            guard let migration = known[version] else {
                throw StoreError(
                    .newerSchema, path: path,
                    "this database has schema version \(version) (\(row["name"] as String? ?? "?")), written by a newer ser; this ser \(SERVersion.string) knows versions up to \(latest). Upgrade ser to open it."
                )
            }
            let checksum: String = row["checksum"]
            if checksum != migration.checksum {
                throw StoreError(
                    .editedMigration, path: path,
                    "migration \(version) (\(migration.name)) recorded in this database differs from the one shipped with this ser; shipped migrations must never be edited"
                )
            }
        }
    }
}
