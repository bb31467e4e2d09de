import GRDB

/// What a database holds, for `ser status`.
public struct StoreSummary: Sendable, Codable, Equatable {
    public var path: String
    public var schemaVersion: Int
    public var fileBytes: Int64
    public var datasets: Int
    public var datasetVersions: Int
    public var clips: Int
    public var audioSeconds: Double
    public var featureConfigs: Int
    public var featureTensors: Int
    public var runs: [String: Int]
    public var exports: Int

    /// Reads the summary in one snapshot.
    public static func read(_ store: Store) throws -> StoreSummary {
        try store.read { db in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
            var runs: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM run_summary GROUP BY status") {
                runs[row["status"]] = row["n"]
            }
            let pageCount = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return StoreSummary(
                path: store.path,
                schemaVersion: try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_migrations") ?? 0,
                fileBytes: pageCount * pageSize,
                datasets: try count("datasets"),
                datasetVersions: try count("dataset_versions"),
                clips: try count("clips"),
                audioSeconds: try Double.fetchOne(db, sql: "SELECT coalesce(sum(duration), 0) FROM clips") ?? 0,
                featureConfigs: try count("feature_configs"),
                featureTensors: try count("features"),
                runs: runs,
                exports: try count("exports"))
        }
    }
}
