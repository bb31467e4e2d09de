import Foundation
import GRDB
import SERCore

/// Saving and loading model states as named float32 tensors.
extension Store {
    /// Replaces the run's checkpoint of the same kind inside the caller's transaction.
    static func saveCheckpoint(_ db: Database, runID: Int64, _ checkpoint: Checkpoint) throws {
        try db.execute(sql: "DELETE FROM checkpoints WHERE run_id = ? AND kind = ?", arguments: [runID, checkpoint.kind.rawValue])
        var hasher = SHA256()
        let blobs = checkpoint.tensors.map { FloatBlob.encode($0.values) }
        for blob in blobs { hasher.update(blob) }
        let classes = try String(decoding: JSONEncoder().encode(checkpoint.classes), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO checkpoints (run_id, kind, epoch, classes, state, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [runID, checkpoint.kind.rawValue, checkpoint.epoch, classes, checkpoint.state, hasher.hexDigest(), Timestamp.now()])
        let id = db.lastInsertedRowID
        let insert = try db.makeStatement(
            sql: "INSERT INTO checkpoint_tensors (checkpoint_id, ordinal, name, shape, data) VALUES (?, ?, ?, ?, ?)")
        for (ordinal, (tensor, blob)) in zip(checkpoint.tensors, blobs).enumerated() {
            let shape = "[" + tensor.shape.map(String.init).joined(separator: ",") + "]"
            try insert.execute(arguments: [id, ordinal, tensor.name, shape, Data(blob)])
        }
    }

    /// The epoch of the run's checkpoint of `kind` (without loading its tensors), or `nil`.
    public func checkpointEpoch(_ runID: Int64, kind: Checkpoint.Kind) throws -> Int? {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT epoch FROM checkpoints WHERE run_id = ? AND kind = ?", arguments: [runID, kind.rawValue])
        }
    }

    /// The run's checkpoint of `kind`, or `nil` if none was saved.
    public func checkpoint(_ runID: Int64, kind: Checkpoint.Kind) throws -> Checkpoint? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, epoch, classes, state FROM checkpoints WHERE run_id = ? AND kind = ?",
                    arguments: [runID, kind.rawValue])
            else { return nil }
            let id: Int64 = row["id"]
            let classesText: String = row["classes"]
            let classes = (try? JSONDecoder().decode([String].self, from: Data(classesText.utf8))) ?? []
            var tensors: [NamedTensor] = []
            for t in try Row.fetchAll(
                db, sql: "SELECT name, shape, data FROM checkpoint_tensors WHERE checkpoint_id = ? ORDER BY ordinal", arguments: [id])
            {
                let shapeText: String = t["shape"]
                let shape = (try? JSONDecoder().decode([Int].self, from: Data(shapeText.utf8))) ?? []
                let data: Data = t["data"]
                guard let values = FloatBlob.decode(data), values.count == shape.reduce(1, *) else {
                    throw StoreError(
                        .sqlite, path: path,
                        "checkpoint tensor \(t["name"] as String? ?? "?") of run \(runID) is corrupt (size does not match shape \(shapeText))"
                    )
                }
                tensors.append(NamedTensor(name: t["name"], shape: shape, values: values))
            }
            return Checkpoint(kind: kind, epoch: row["epoch"], classes: classes, state: row["state"], tensors: tensors)
        }
    }
}
