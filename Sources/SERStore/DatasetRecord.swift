public import GRDB

/// One row of `datasets`: a named corpus as the user imported it.
public struct DatasetRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "datasets"

    /// Row id; `nil` before insertion.
    public var id: Int64?
    /// The unique name (`ravdess-speech`).
    public var name: String
    /// The layout (`ravdess`, `folders`, `csv`, ...), a ``SERCorpus`` layout raw value.
    public var layout: String
    /// Absolute path of the first imported root.
    public var rootPath: String
    /// When the dataset was first imported (``Timestamp``).
    public var createdAt: String
    /// Free text.
    public var description: String?

    enum CodingKeys: String, CodingKey {
        case id, name, layout, description
        case rootPath = "root_path"
        case createdAt = "created_at"
    }

    /// Creates a record (not yet inserted).
    public init(id: Int64? = nil, name: String, layout: String, rootPath: String, createdAt: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.layout = layout
        self.rootPath = rootPath
        self.createdAt = createdAt
        self.description = description
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
