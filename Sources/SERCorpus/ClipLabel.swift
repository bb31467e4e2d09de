import SERCore

/// What a corpus says about one clip: its label, speaker and attributes.
public struct ClipLabel: Sendable, Hashable, Codable {
    /// The canonical label (an ``SERCore/Emotion`` raw value where the corpus label maps to
    /// one, else the corpus label lower-cased and trimmed). Stored in `clips.label`.
    public var label: String
    /// The corpus's own label text or code (`05`, `W`, `ANG`, `ps`, ...).
    public var originalLabel: String
    /// Speaker or actor id as the corpus writes it; `nil` where unknown.
    public var speaker: String?
    /// The speaker's gender where the corpus documents it.
    public var gender: Gender?
    /// Other facts the corpus encodes (`intensity`, `statement`, ...), as text.
    public var attributes: [String: String]

    /// Creates a label record.
    public init(
        label: String, originalLabel: String, speaker: String? = nil, gender: Gender? = nil,
        attributes: [String: String] = [:]
    ) {
        self.label = label
        self.originalLabel = originalLabel
        self.speaker = speaker
        self.gender = gender
        self.attributes = attributes
    }

    /// ``attributes`` as a JSON object with sorted keys, e.g. `{"intensity":"strong"}`.
    public var attributesJSON: String {
        let members = attributes.sorted { $0.key < $1.key }.map { "\(JSONString.quoted($0.key)):\(JSONString.quoted($0.value))" }
        return "{" + members.joined(separator: ",") + "}"
    }
}
