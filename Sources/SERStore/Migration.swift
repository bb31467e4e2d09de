import SERCore

/// One forward-only schema change, shipped as `Migrations/NNNN_name.sql` and compiled into
/// the binary by the EmbedMigrations build plugin.
public struct Migration: Sendable, Hashable {
    /// 1, 2, 3… in the order they apply.
    public let version: Int
    /// The part of the file name after `NNNN_`.
    public let name: String
    /// The SQL text, executed in one transaction.
    public let sql: String

    /// SHA-256 of the SQL text; recorded when applied, so an edited shipped migration is caught.
    public var checksum: String { SHA256.hex(sql) }
}

/// The migrations compiled into this binary (`all` is generated from `Migrations/`).
public enum EmbeddedMigrations {
    /// The schema version this binary writes: the highest embedded migration.
    public static var latestVersion: Int { all.last?.version ?? 0 }
}
