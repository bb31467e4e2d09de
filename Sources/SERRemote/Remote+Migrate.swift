import SERCore

/// The remote's own forward-only migrations (`remote_schema_migrations`).
extension Remote {
    /// A lock id only `ser` takes, so two clients migrating one remote take turns.
    static let migrationLock: Int64 = 0x5345_5231

    /// The remote's schema version: the highest applied migration, 0 for an empty database.
    public func schemaVersion() async throws -> Int {
        let rows = try await rows("SELECT coalesce(max(version), 0)::bigint FROM remote_schema_migrations")
        if case .integer(let version)? = rows.first?.first { return Int(version) }
        return 0
    }

    /// Applies the migrations the remote lacks, each in its own transaction.
    /// - Throws: `RemoteError.newerSchema` when the remote has a version this binary lacks.
    func migrate() async throws {
        let current = try await transaction { () async throws -> Int in
            try await execute("SELECT pg_advisory_xact_lock($1)", [.integer(Self.migrationLock)])
            try await execute(
                """
                CREATE TABLE IF NOT EXISTS remote_schema_migrations (
                    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                    applied_by TEXT NOT NULL)
                """)
            return try await schemaVersion()
        }
        if current > RemoteMigrations.latestVersion {
            throw RemoteError(
                .newerSchema, remote: name,
                "was migrated by a newer ser (remote schema \(current), this ser knows \(RemoteMigrations.latestVersion)); upgrade ser")
        }
        for migration in RemoteMigrations.all where migration.version > current {
            try await transaction {
                try await execute("SELECT pg_advisory_xact_lock($1)", [.integer(Self.migrationLock)])
                guard try await schemaVersion() < migration.version else { return }
                for statement in migration.statements { try await execute(statement) }
                try await execute(
                    "INSERT INTO remote_schema_migrations (version, name, applied_by) VALUES ($1, $2, $3)",
                    [.integer(Int64(migration.version)), .text(migration.name), .text("ser \(SERVersion.string)")])
            }
        }
    }
}
