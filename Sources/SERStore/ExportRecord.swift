/// One row of `exports`: a model file written by `ser export`.
public struct ExportRecord: Sendable, Equatable, Codable {
    /// `exports.id`.
    public var id: Int64
    /// The run the file was exported from.
    public var runID: Int64
    /// `onnx`, `safetensors` or `json`.
    public var format: String
    /// Absolute path the file was written to.
    public var path: String
    /// SHA-256 of the file bytes, lowercase hex.
    public var sha256: String
    /// File size, bytes.
    public var size: Int64
    /// ISO-8601 UTC time of the export.
    public var createdAt: String

    public init(id: Int64, runID: Int64, format: String, path: String, sha256: String, size: Int64, createdAt: String) {
        self.id = id
        self.runID = runID
        self.format = format
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.createdAt = createdAt
    }
}
