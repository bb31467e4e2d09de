import Foundation
import GRDB
public import SERCore

/// The feature cache: recipes and float32 `[frames, dims]` tensors per (clip, recipe).
extension Store {
    /// The id of the recipe with `hash`, inserting it first if it is new.
    ///
    /// - Parameters:
    ///   - params: canonical JSON of every parameter; `hash` must be its SHA-256.
    ///   - featureNames: one name per dimension.
    public func featureConfigID(hash: String, name: String, params: String, featureNames: [String]) throws -> Int64 {
        try write { db in
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM feature_configs WHERE hash = ?", arguments: [hash]) { return id }
            let names = try String(decoding: JSONEncoder().encode(featureNames), as: UTF8.self)
            try db.execute(
                sql: "INSERT INTO feature_configs (hash, name, params, dims, feature_names, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [hash, name, params, featureNames.count, names, Timestamp.now()])
            return db.lastInsertedRowID
        }
    }

    /// The clips among `clipIDs` whose features under `configID` are already cached.
    public func cachedFeatureClips(configID: Int64, among clipIDs: [Int64]) throws -> Set<Int64> {
        let cached = try read { db in
            try Int64.fetchSet(db, sql: "SELECT clip_id FROM features WHERE config_id = ?", arguments: [configID])
        }
        return cached.intersection(clipIDs)
    }

    /// Stores one batch of computed tensors (and clears earlier errors for those clips) in
    /// one transaction.
    public func saveFeatures(configID: Int64, _ batch: [(clipID: Int64, features: Matrix, milliseconds: Double)]) throws {
        guard !batch.isEmpty else { return }
        try write { db in
            let insert = try db.makeStatement(
                sql: """
                    INSERT OR REPLACE INTO features (clip_id, config_id, frames, dims, data, computed_at, compute_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            let clear = try db.makeStatement(sql: "DELETE FROM feature_errors WHERE clip_id = ? AND config_id = ?")
            let now = Timestamp.now()
            for item in batch {
                try insert.execute(arguments: [
                    item.clipID, configID, item.features.rows, item.features.columns,
                    Data(FloatBlob.encode(item.features.values)), now, item.milliseconds,
                ])
                try clear.execute(arguments: [item.clipID, configID])
            }
        }
    }

    /// Records why a clip's features could not be computed.
    public func recordFeatureErrors(configID: Int64, _ errors: [(clipID: Int64, message: String)]) throws {
        guard !errors.isEmpty else { return }
        try write { db in
            for e in errors {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO feature_errors (clip_id, config_id, message, at) VALUES (?, ?, ?, ?)",
                    arguments: [e.clipID, configID, e.message, Timestamp.now()])
            }
        }
    }

    /// Cached tensors for `clipIDs` (those present), `[frames, dims]` each.
    public func loadFeatures(configID: Int64, clipIDs: [Int64]) throws -> [Int64: Matrix] {
        try read { db in
            var out: [Int64: Matrix] = [:]
            let statement = try db.makeStatement(sql: "SELECT frames, dims, data FROM features WHERE clip_id = ? AND config_id = ?")
            for id in clipIDs {
                guard let row = try Row.fetchOne(statement, arguments: [id, configID]) else { continue }
                let data: Data = row["data"]
                guard let values = FloatBlob.decode(data), let matrix = Matrix(rows: row["frames"], columns: row["dims"], values: values)
                else {
                    throw StoreError(.sqlite, path: path, "cached features of clip \(id) are corrupt (size does not match shape)")
                }
                out[id] = matrix
            }
            return out
        }
    }
}
