import Foundation
import GRDB
import SERCore

/// Stored speaker enrolments (`ser enroll`, `ser predict --speaker`).
extension Store {
    /// Stores `records` in one transaction, each replacing an earlier enrolment of the same
    /// name, recipe and frame limit.
    /// - Throws: `StoreError.notFound` when a recipe is not in this database.
    public func saveEnrollments(_ records: [SpeakerEnrollmentRecord]) throws {
        try write { db in
            for record in records {
                guard
                    let configID = try Int64.fetchOne(
                        db, sql: "SELECT id FROM feature_configs WHERE hash = ?", arguments: [record.recipeHash])
                else {
                    throw StoreError(.notFound, path: self.path, "no feature recipe \(record.recipeHash.prefix(12)) in this database")
                }
                let clips = String(decoding: try JSONEncoder().encode(record.clips), as: UTF8.self)
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO speaker_enrollments (name, config_id, max_frames, dims, mean, std, clips, run_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        record.name, configID, record.maxFrames, record.mean.count, Data(FloatBlob.encode(record.mean)),
                        Data(FloatBlob.encode(record.std)), clips, record.runID, record.createdAt,
                    ])
            }
        }
    }

    /// The enrolments of `name` (every one when nil), by name, then recipe and frame limit.
    public func enrollments(named name: String? = nil) throws -> [SpeakerEnrollmentRecord] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.name, f.hash, e.max_frames, e.mean, e.std, e.clips, e.run_id, e.created_at
                    FROM speaker_enrollments e JOIN feature_configs f ON f.id = e.config_id
                    WHERE ?1 IS NULL OR e.name = ?1 ORDER BY e.name, f.hash, e.max_frames
                    """, arguments: [name])
            return rows.map { row in
                SpeakerEnrollmentRecord(
                    name: row[0], recipeHash: row[1], maxFrames: row[2], mean: FloatBlob.decode([UInt8](row[3] as Data)) ?? [],
                    std: FloatBlob.decode([UInt8](row[4] as Data)) ?? [],
                    clips: (try? JSONDecoder().decode([EnrolledClip].self, from: Data((row[5] as String).utf8))) ?? [], runID: row[6],
                    createdAt: row[7])
            }
        }
    }

    /// Removes every enrolment of `name`; how many rows went.
    @discardableResult
    public func removeEnrollments(named name: String) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM speaker_enrollments WHERE name = ?", arguments: [name])
            return db.changesCount
        }
    }
}
