/// Identifies a clip within a dataset: the same file content at the same relative path.
/// (`UNIQUE (dataset_id, relative_path, content_hash)` in the schema.)
public struct ClipKey: Hashable, Sendable {
    /// Path below the dataset root.
    public var relativePath: String
    /// SHA-256 of the file bytes.
    public var contentHash: String

    /// Creates a key.
    public init(relativePath: String, contentHash: String) {
        self.relativePath = relativePath
        self.contentHash = contentHash
    }
}
