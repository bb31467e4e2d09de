/// How one table is copied out of and into `ser.db`: its exchanged columns, the SQLite query
/// that reads them for a key (`?1`), and the statement that writes one row back (`?1…?N` in
/// column order), turning UUIDs and hashes into this database's ids.
public struct ExchangeTableSpec: Sendable, Hashable {
    public let name: String
    public let scope: ExchangeScope
    public let columns: [String]
    let exportSQL: String
    let importSQL: String

    init(_ name: String, _ scope: ExchangeScope, _ columns: [String], export: String, import importSQL: String) {
        self.name = name
        self.scope = scope
        self.columns = columns
        self.exportSQL = export
        self.importSQL = importSQL
    }

    /// A table a run owns whose other columns are copied as they are: keyed by `run_uuid`.
    static func owned(_ name: String, _ columns: [String]) -> ExchangeTableSpec {
        let selected = columns.map { "t.\($0)" }.joined(separator: ", ")
        let placeholders = columns.indices.map { "?\($0 + 2)" }.joined(separator: ", ")
        return ExchangeTableSpec(
            name, .run, ["run_uuid"] + columns,
            export: "SELECT r.uuid, \(selected) FROM \(name) t JOIN runs r ON r.id = t.run_id WHERE r.uuid = ?1",
            import: "INSERT OR IGNORE INTO \(name) (run_id, \(columns.joined(separator: ", "))) "
                + "VALUES ((SELECT id FROM runs WHERE uuid = ?1), \(placeholders))")
    }

    /// A run's table with a clip: the clip travels as its content hash (`clip_hash`, `?2`) and
    /// comes back as the clip of that hash in the run's dataset version (any clip of that hash
    /// when the run has no version).
    static func perClip(_ name: String, _ columns: [String]) -> ExchangeTableSpec {
        let selected = columns.map { "t.\($0)" }.joined(separator: ", ")
        let placeholders = columns.indices.map { "?\($0 + 3)" }.joined(separator: ", ")
        let clip = """
            coalesce((SELECT c.id FROM clips c JOIN dataset_version_clips vc ON vc.clip_id = c.id
                      JOIN runs r ON r.dataset_version_id = vc.version_id
                      WHERE r.uuid = ?1 AND c.content_hash = ?2 LIMIT 1),
                     (SELECT min(id) FROM clips WHERE content_hash = ?2))
            """
        return ExchangeTableSpec(
            name, .run, ["run_uuid", "clip_hash"] + columns,
            export: "SELECT r.uuid, c.content_hash, \(selected) FROM \(name) t JOIN runs r ON r.id = t.run_id "
                + "JOIN clips c ON c.id = t.clip_id WHERE r.uuid = ?1",
            import: "INSERT OR IGNORE INTO \(name) (run_id, clip_id, \(columns.joined(separator: ", "))) "
                + "VALUES ((SELECT id FROM runs WHERE uuid = ?1), \(clip), \(placeholders))")
    }
}
