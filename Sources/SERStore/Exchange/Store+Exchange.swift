import Foundation
import GRDB
import SERCore

/// Reading runs and what they depend on as ``ExchangeTable``s, and writing them back: the
/// local half of `ser push` and `ser pull`.
extension Store {
    /// The runs to push: `runIDs` with all their descendants (every run that is not in the
    /// trash when `runIDs` is nil), parents before children.
    /// - Throws: `StoreError.notFound` naming an id that is not a run.
    public func pushCandidates(_ runIDs: [Int64]?) throws -> [PushCandidate] {
        try read { db in
            let rows: [Row]
            let query = """
                SELECT r.id, r.uuid, r.parent_id, r.status, v.hash AS version_hash, f.hash AS feature_hash FROM runs r
                LEFT JOIN dataset_versions v ON v.id = r.dataset_version_id
                LEFT JOIN feature_configs f ON f.id = r.feature_config_id
                """
            if let runIDs {
                for id in runIDs where try Bool.fetchOne(db, sql: "SELECT 1 FROM runs WHERE id = ?", arguments: [id]) != true {
                    throw StoreError(.notFound, path: self.path, "there is no run \(id)")
                }
                let seeds = runIDs.map(String.init).joined(separator: ",")
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        WITH RECURSIVE family(id) AS (
                            SELECT id FROM runs WHERE id IN (\(seeds))
                            UNION SELECT r.id FROM runs r JOIN family ON r.parent_id = family.id)
                        \(query) WHERE r.id IN family ORDER BY r.id
                        """)
            } else {
                rows = try Row.fetchAll(db, sql: "\(query) WHERE r.deleted_at IS NULL ORDER BY r.id")
            }
            return rows.map {
                PushCandidate(
                    id: $0["id"], uuid: $0["uuid"], parentID: $0["parent_id"], status: RunStatus(rawValue: $0["status"]) ?? .queued,
                    datasetVersionHash: $0["version_hash"], featureConfigHash: $0["feature_hash"])
            }
        }
    }

    /// The UUIDs of every run in this database, trashed ones included.
    public func runUUIDs() throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT uuid FROM runs WHERE uuid IS NOT NULL")) }
    }

    /// Whether this database holds the dataset version or feature recipe of `hash`, or the run
    /// of UUID `hash`; for a feature set, whether every clip of the version has its tensor
    /// (or a recorded failure) under the recipe.
    public func holds(_ scope: ExchangeScope, key: String) throws -> Bool {
        if scope == .featureSet { return try featureCoverage(key).complete }
        return try localID(scope, key: key) != nil
    }

    /// The local id of the dataset version or feature recipe of `key` (a content hash), or of
    /// the run of UUID `key`; nil when this database lacks it, and for a feature set (many
    /// rows: see ``featureCoverage(_:)``).
    public func localID(_ scope: ExchangeScope, key: String) throws -> Int64? {
        let sql: String
        switch scope {
        case .datasetVersion: sql = "SELECT id FROM dataset_versions WHERE hash = ?"
        case .featureConfig: sql = "SELECT id FROM feature_configs WHERE hash = ?"
        case .featureSet: return nil
        case .run: sql = "SELECT id FROM runs WHERE uuid = ?"
        }
        return try read { db in try Int64.fetchOne(db, sql: sql, arguments: [key]) }
    }

    /// How much of a feature set (key ``ExchangeScope/featureSetKey(version:recipe:)``) this
    /// database holds: the version's clips, and the content hashes of those with a tensor and
    /// of those whose computation failed under the recipe. All zero when the version or the
    /// recipe is not here.
    public func featureCoverage(_ key: String) throws -> FeatureCoverage {
        let (version, recipe) = ExchangeScope.featureSetParts(key)
        return try read { db in
            guard
                let versionID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM dataset_versions WHERE hash = ? ORDER BY id LIMIT 1", arguments: [version])
            else { return FeatureCoverage(clips: 0, cached: [], failed: 0) }
            let clips =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM dataset_version_clips WHERE version_id = ?", arguments: [versionID]) ?? 0
            guard let configID = try Int64.fetchOne(db, sql: "SELECT id FROM feature_configs WHERE hash = ?", arguments: [recipe]) else {
                return FeatureCoverage(clips: clips, cached: [], failed: 0)
            }
            let cached = try String.fetchSet(
                db,
                sql: """
                    SELECT c.content_hash FROM dataset_version_clips vc JOIN clips c ON c.id = vc.clip_id
                    JOIN features t ON t.clip_id = c.id AND t.config_id = ?2 WHERE vc.version_id = ?1
                    """, arguments: [versionID, configID])
            let failed =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM dataset_version_clips vc JOIN feature_errors e ON e.clip_id = vc.clip_id AND e.config_id = ?2
                        WHERE vc.version_id = ?1
                        """, arguments: [versionID, configID]) ?? 0
            return FeatureCoverage(clips: clips, cached: cached, failed: failed)
        }
    }

    /// The tables of one scope for `key` (a version or recipe hash, or a run UUID).
    /// An ensemble's member ids travel as the members' UUIDs (``EnsembleMembers``).
    public func exportTables(_ scope: ExchangeScope, key: String) throws -> [ExchangeTable] {
        try read { db in
            var members: String?
            return try ExchangeSchema.tables(scope).map { spec in
                var rows = try Row.fetchAll(db, sql: spec.exportSQL, arguments: [key]).map { row in
                    (0..<spec.columns.count).map { ExchangeValue(row[$0] as DatabaseValue) }
                }
                if spec.name == "runs", let column = spec.columns.firstIndex(of: "config") {
                    for i in rows.indices {
                        guard case .text(let config) = rows[i][column], let mapped = try EnsembleMembers.toUUIDs(config, db) else {
                            continue
                        }
                        rows[i][column] = .text(mapped)
                        members = EnsembleMembers.members(of: mapped)
                    }
                }
                if spec.name == "hyperparameters", let members, let name = spec.columns.firstIndex(of: "name"),
                    let value = spec.columns.firstIndex(of: "value")
                {
                    for i in rows.indices where rows[i][name] == .text(EnsembleMembers.key) { rows[i][value] = .text(members) }
                }
                return ExchangeTable(name: spec.name, columns: spec.columns, rows: rows)
            }
        }
    }

    /// Writes exchanged tables in one transaction, in the order given (what rows refer to
    /// first); rows already present are left as they are. Runs get new local ids; their
    /// links to other runs are set once all are in.
    /// - Throws: `StoreError.invalidArgument` for a table or column list this version does
    ///   not exchange; `.sqlite` when a row cannot be written (a clip it names is missing).
    public func importTables(_ tables: [ExchangeTable]) throws {
        let specs = Dictionary(ExchangeSchema.all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        try write { db in
            for table in tables {
                guard let spec = specs[table.name], spec.columns == table.columns else {
                    throw StoreError(.invalidArgument, path: self.path, "table \(table.name) is not exchanged with these columns")
                }
                let statement = try db.cachedStatement(sql: spec.importSQL)
                for row in table.rows {
                    do {
                        try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
                    } catch let error as DatabaseError {
                        throw StoreError(
                            .sqlite, path: self.path,
                            "a row of \(table.name) could not be written: \(error.message ?? "\(error.resultCode)")")
                    }
                }
            }
            for table in tables where table.name == "runs" {
                let links = try db.cachedStatement(sql: ExchangeSchema.runLinksSQL)
                let config = table.columns.firstIndex(of: "config")
                for row in table.rows {
                    try links.execute(arguments: StatementArguments(row.prefix(21).map(\.databaseValue)))
                    // An ensemble's members, named by UUID, become this database's ids.
                    guard let config, case .text(let text) = row[config], case .text(let uuid) = row[0],
                        let mapped = try EnsembleMembers.toIDs(text, db)
                    else { continue }
                    try db.execute(sql: "UPDATE runs SET config = ? WHERE uuid = ?", arguments: [mapped, uuid])
                    try db.execute(
                        sql: "UPDATE hyperparameters SET value = ? WHERE name = ? AND run_id = (SELECT id FROM runs WHERE uuid = ?)",
                        arguments: [EnsembleMembers.members(of: mapped), EnsembleMembers.key, uuid])
                }
            }
        }
    }
}

extension ExchangeValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let v): self = .integer(v)
        case .double(let v): self = .real(v)
        case .string(let v): self = .text(v)
        case .blob(let v): self = .blob([UInt8](v))
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let v): v.databaseValue
        case .real(let v): v.databaseValue
        case .text(let v): v.databaseValue
        case .blob(let v): Data(v).databaseValue
        }
    }
}
