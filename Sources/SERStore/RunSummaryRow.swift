public import GRDB

/// One row of the `run_summary` view.
public struct RunSummaryRow: Sendable, Codable, Equatable, FetchableRecord {
    public var id: Int64
    public var name: String?
    public var kind: RunKind
    public var parentID: Int64?
    /// `queued`, `running`, `finished`, `failed`, `interrupted`, or `dead` (running, no heartbeat).
    public var status: RunStatus
    public var dataset: String?
    public var datasetVersion: String?
    public var split: String?
    public var seed: Int64
    public var bestEpoch: Int?
    public var bestValAcc: Double?
    public var bestValF1: Double?
    public var epochsDone: Int?
    public var testAcc: Double?
    public var testF1: Double?
    public var testUAR: Double?
    public var durationSeconds: Double?
    public var tags: String?
    public var createdAt: String

    public init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        kind = row["kind"]
        parentID = row["parent_id"]
        status = row["status"]
        dataset = row["dataset"]
        datasetVersion = row["dataset_version"]
        split = row["split"]
        seed = row["seed"]
        bestEpoch = row["best_epoch"]
        bestValAcc = row["best_val_acc"]
        bestValF1 = row["best_val_f1"]
        epochsDone = row["epochs_done"]
        testAcc = row["test_acc"]
        testF1 = row["test_f1"]
        testUAR = row["test_uar"]
        durationSeconds = row["duration_seconds"]
        tags = row["tags"]
        createdAt = row["created_at"]
    }
}

extension Store {
    /// Runs from `run_summary`, newest first; children of k-fold/sweep parents only with
    /// `includeChildren`.
    public func runSummaries(includeChildren: Bool = false, tag: String? = nil, limit: Int? = nil) throws -> [RunSummaryRow] {
        try read { db in
            var sql = "SELECT * FROM run_summary WHERE 1"
            var arguments: StatementArguments = []
            if !includeChildren { sql += " AND parent_id IS NULL" }
            if let tag {
                sql += " AND id IN (SELECT run_id FROM run_tags WHERE tag = ?)"
                arguments += [tag]
            }
            sql += " ORDER BY id DESC"
            if let limit {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            return try RunSummaryRow.fetchAll(db, sql: sql, arguments: arguments)
        }
    }

    /// The runs whose parent is `id`, oldest first.
    public func childRuns(of id: Int64) throws -> [RunSummaryRow] {
        try read { db in try RunSummaryRow.fetchAll(db, sql: "SELECT * FROM run_summary WHERE parent_id = ? ORDER BY id", arguments: [id]) }
    }

    /// Adds tags to a run (existing ones are kept).
    public func addTags(_ tags: [String], to id: Int64) throws {
        try write { db in
            for tag in tags { try db.execute(sql: "INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?, ?)", arguments: [id, tag]) }
        }
    }

    /// Removes tags from a run.
    public func removeTags(_ tags: [String], from id: Int64) throws {
        try write { db in
            for tag in tags { try db.execute(sql: "DELETE FROM run_tags WHERE run_id = ? AND tag = ?", arguments: [id, tag]) }
        }
    }

    /// Sets (or with `nil` clears) a run's note.
    public func setNote(_ note: String?, for id: Int64) throws {
        try write { db in try db.execute(sql: "UPDATE runs SET note = ? WHERE id = ?", arguments: [note, id]) }
    }

    /// What deleting a run (and its children) would free.
    public struct RunFootprint: Sendable, Equatable {
        public var runs: Int
        public var epochs: Int
        public var checkpointBytes: Int64
    }

    /// Deletes a run with its children and everything they recorded, in one transaction.
    /// - Returns: what was deleted.
    public func deleteRun(_ id: Int64) throws -> RunFootprint {
        try write { db in try Self.deleteTree(id, db) }
    }

    /// ``deleteRun(_:)`` inside a transaction.
    static func deleteTree(_ id: Int64, _ db: Database) throws -> RunFootprint {
        let tree = Store.runTree
        let runs = try Int.fetchOne(db, sql: "\(tree) SELECT count(*) FROM tree", arguments: [id]) ?? 0
        let epochs = try Int.fetchOne(db, sql: "\(tree) SELECT count(*) FROM epochs WHERE run_id IN tree", arguments: [id]) ?? 0
        let bytes =
            try Int64.fetchOne(
                db,
                sql: """
                    \(tree) SELECT coalesce(sum(length(t.data)), 0) FROM checkpoint_tensors t
                    JOIN checkpoints c ON c.id = t.checkpoint_id WHERE c.run_id IN tree
                    """, arguments: [id]) ?? 0
        let parent = try Int64.fetchOne(db, sql: "SELECT parent_id FROM runs WHERE id = ?", arguments: [id])
        try db.execute(sql: "UPDATE runs SET reproduces_run_id = NULL WHERE reproduces_run_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [id])
        // A parent never reports a child that is gone.
        if let parent { try Store.refreshParent(parent, db) }
        return RunFootprint(runs: runs, epochs: epochs, checkpointBytes: bytes)
    }

}
