public import GRDB

/// One row of `clips`: an audio file of a dataset as it was when imported.
public struct ClipRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "clips"

    /// Row id; `nil` before insertion.
    public var id: Int64?
    /// The dataset it belongs to.
    public var datasetID: Int64
    /// Absolute path at import time.
    public var path: String
    /// Path below the dataset root, `/`-separated.
    public var relativePath: String
    /// SHA-256 of the file bytes, lowercase hex.
    public var contentHash: String
    /// File size, bytes.
    public var fileSize: Int64
    /// Container/encoding, e.g. `FLAC/PCM_16`.
    public var format: String
    /// Native sample rate, Hz.
    public var sampleRate: Int
    /// Native channel count.
    public var channels: Int
    /// Samples per channel.
    public var frames: Int
    /// Seconds (`frames / sampleRate`).
    public var duration: Double
    /// Canonical label (`clips.label`, references `labels`).
    public var label: String
    /// The corpus's own label text or code.
    public var originalLabel: String
    /// Speaker id; `nil` where unknown.
    public var speaker: String?
    /// `female`, `male` or `nil`.
    public var gender: String?
    /// JSON object of corpus attributes (intensity, statement, ...).
    public var attributes: String
    /// When the clip was imported (``Timestamp``).
    public var importedAt: String

    enum CodingKeys: String, CodingKey {
        case id, path, format, channels, frames, duration, label, speaker, gender, attributes
        case datasetID = "dataset_id"
        case relativePath = "relative_path"
        case contentHash = "content_hash"
        case fileSize = "file_size"
        case sampleRate = "sample_rate"
        case originalLabel = "original_label"
        case importedAt = "imported_at"
    }

    /// Creates a record (not yet inserted).
    public init(
        id: Int64? = nil, datasetID: Int64, path: String, relativePath: String, contentHash: String,
        fileSize: Int64, format: String, sampleRate: Int, channels: Int, frames: Int, duration: Double,
        label: String, originalLabel: String, speaker: String?, gender: String?, attributes: String,
        importedAt: String
    ) {
        self.id = id
        self.datasetID = datasetID
        self.path = path
        self.relativePath = relativePath
        self.contentHash = contentHash
        self.fileSize = fileSize
        self.format = format
        self.sampleRate = sampleRate
        self.channels = channels
        self.frames = frames
        self.duration = duration
        self.label = label
        self.originalLabel = originalLabel
        self.speaker = speaker
        self.gender = gender
        self.attributes = attributes
        self.importedAt = importedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
