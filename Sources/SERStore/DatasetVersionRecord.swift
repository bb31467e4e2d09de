public import GRDB

/// One row of `dataset_versions`: a content-addressed set of a dataset's clips.
public struct DatasetVersionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "dataset_versions"

    /// Row id; `nil` before insertion.
    public var id: Int64?
    /// The dataset.
    public var datasetID: Int64
    /// SHA-256 over the sorted `content_hash<TAB>label<LF>` lines of its clips.
    public var hash: String
    /// Number of clips.
    public var clipCount: Int
    /// When it was created (``Timestamp``).
    public var createdAt: String
    /// Free text (e.g. what the import added).
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case id, hash, note
        case datasetID = "dataset_id"
        case clipCount = "clip_count"
        case createdAt = "created_at"
    }

    /// Creates a record (not yet inserted).
    public init(id: Int64? = nil, datasetID: Int64, hash: String, clipCount: Int, createdAt: String, note: String? = nil) {
        self.id = id
        self.datasetID = datasetID
        self.hash = hash
        self.clipCount = clipCount
        self.createdAt = createdAt
        self.note = note
    }

    /// The first 12 characters of ``hash``, as `ser` prints versions.
    public var shortHash: String { String(hash.prefix(12)) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
