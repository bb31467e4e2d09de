/// A speaker's gender as a corpus documents it (`clips.gender`).
public enum Gender: String, Sendable, Codable, CaseIterable {
    case female, male

    /// Reads `f`, `female`, `w`, `woman`, `m`, `male`, `man` (any case); `nil` otherwise.
    public init?(loose text: String) {
        switch text.trimmingWhitespace().lowercased() {
        case "f", "female", "w", "woman", "women": self = .female
        case "m", "male", "man", "men": self = .male
        default: return nil
        }
    }
}
