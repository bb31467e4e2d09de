/// What an import needs to know about a clip already in the database.
public struct ExistingClip: Hashable, Sendable {
    /// Row id.
    public var id: Int64
    /// Canonical label.
    public var label: String
    /// File size, bytes.
    public var fileSize: Int64
    /// Whether its PCM is stored in `clip_audio`.
    public var hasAudio: Bool

    /// Creates the value.
    public init(id: Int64, label: String, fileSize: Int64, hasAudio: Bool = false) {
        self.id = id
        self.label = label
        self.fileSize = fileSize
        self.hasAudio = hasAudio
    }
}
