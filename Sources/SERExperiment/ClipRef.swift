/// What splitting needs to know of a clip: its id, label and speaker.
public struct ClipRef: Sendable, Hashable, Codable {
    /// `clips.id`.
    public var id: Int64
    /// Canonical label.
    public var label: String
    /// Speaker id, `nil` where the corpus does not say.
    public var speaker: String?

    public init(id: Int64, label: String, speaker: String?) {
        self.id = id
        self.label = label
        self.speaker = speaker
    }
}
