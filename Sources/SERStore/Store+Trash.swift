import Foundation
import GRDB

/// The trash of runs (schema 4): `ser rm` moves runs there, `ser restore` brings them back,
/// `ser gc` deletes them for good. A trashed run keeps every row until then but is hidden
/// from `run_summary`, comparisons, references and its parent's aggregate.
extension Store {
    /// A run in the trash.
    public struct TrashedRun: Sendable, Equatable {
        public var id: Int64
        public var name: String?
        public var kind: String
        /// When it was moved to the trash (ISO-8601 UTC).
        public var deletedAt: String
        /// Its folds or trials, trashed with it.
        public var children: Int
    }

    /// A common table expression `tree(id)`: the run bound to `?` and all its descendants.
    static let runTree = """
        WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT r.id FROM runs r JOIN tree t ON r.parent_id = t.id)
        """

    /// Moves runs (each with its children) to the trash, in one transaction, and refreshes
    /// the aggregates of the parents they leave.
    ///
    /// - Returns: how many runs were moved, children included.
    @discardableResult
    public func trashRuns(_ ids: [Int64]) throws -> Int {
        try write { db in
            let now = Timestamp.now()
            var moved = 0
            for id in ids {
                try db.execute(
                    sql: "\(Self.runTree) UPDATE runs SET deleted_at = ? WHERE id IN tree AND deleted_at IS NULL", arguments: [id, now])
                moved += db.changesCount
                if let parent = try Int64.fetchOne(db, sql: "SELECT parent_id FROM runs WHERE id = ?", arguments: [id]) {
                    try Self.refreshParent(parent, db)
                }
            }
            return moved
        }
    }

    /// Brings a trashed run (with the children trashed with it) back.
    ///
    /// - Throws: ``StoreError`` `.invalidArgument` when the run is not in the trash.
    public func restoreRun(_ id: Int64) throws {
        try write { db in
            guard let deletedAt = try String.fetchOne(db, sql: "SELECT deleted_at FROM runs WHERE id = ?", arguments: [id]) else {
                throw StoreError(.invalidArgument, path: path, "run \(id) is not in the trash")
            }
            try db.execute(
                sql: "\(Self.runTree) UPDATE runs SET deleted_at = NULL WHERE id IN tree AND deleted_at = ?", arguments: [id, deletedAt])
            if let parent = try Int64.fetchOne(db, sql: "SELECT parent_id FROM runs WHERE id = ?", arguments: [id]) {
                try Self.refreshParent(parent, db)
            }
        }
    }

    /// The runs in the trash that were trashed themselves (not only with their parent),
    /// newest first.
    public func trashedRuns() throws -> [TrashedRun] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.name, r.kind, r.deleted_at,
                           (SELECT count(*) FROM runs c WHERE c.parent_id = r.id AND c.deleted_at = r.deleted_at) AS children
                    FROM runs r
                    WHERE r.deleted_at IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM runs p WHERE p.id = r.parent_id AND p.deleted_at = r.deleted_at)
                    ORDER BY r.deleted_at DESC, r.id DESC
                    """
            ).map { row in
                TrashedRun(id: row["id"], name: row["name"], kind: row["kind"], deletedAt: row["deleted_at"], children: row["children"])
            }
        }
    }

    /// What emptying the trash freed.
    public struct Reclaimed: Sendable, Equatable {
        /// Runs deleted, children included.
        public var runs: Int
        /// Epoch rows deleted.
        public var epochs: Int
        /// Bytes of checkpoint tensors deleted.
        public var checkpointBytes: Int64
        /// How much smaller the database file became (only with `vacuum`; else 0: SQLite
        /// reuses the freed pages for new data).
        public var fileBytes: Int64
    }

    /// Deletes every trashed run for good (one transaction), then with `vacuum` rebuilds
    /// the file so it shrinks.
    public func emptyTrash(vacuum: Bool) throws -> Reclaimed {
        let sizeBefore = Self.fileSize(path)
        var reclaimed = try write { db -> Reclaimed in
            var total = Reclaimed(runs: 0, epochs: 0, checkpointBytes: 0, fileBytes: 0)
            let roots = try Int64.fetchAll(
                db,
                sql: """
                    SELECT r.id FROM runs r WHERE r.deleted_at IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM runs p WHERE p.id = r.parent_id AND p.deleted_at IS NOT NULL)
                    """)
            for id in roots {
                let freed = try Self.deleteTree(id, db)
                total.runs += freed.runs
                total.epochs += freed.epochs
                total.checkpointBytes += freed.checkpointBytes
            }
            return total
        }
        if vacuum {
            try pool.writeWithoutTransaction { db in
                try db.checkpoint(.truncate)
                try db.execute(sql: "VACUUM")
                try db.checkpoint(.truncate)
            }
            reclaimed.fileBytes = max(0, sizeBefore - Self.fileSize(path))
        }
        return reclaimed
    }

    private static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.int64Value ?? 0
    }
}
