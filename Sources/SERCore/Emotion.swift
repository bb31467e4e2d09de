/// The canonical emotion vocabulary that every corpus's labels are mapped to.
///
/// Corpora name the same emotion differently (RAVDESS `05`, EmoDB `W`, CREMA-D `ANG`, SAVEE
/// `a` are all ``angry``); `ser` stores the canonical name in `clips.label` and keeps the
/// corpus's own spelling in `clips.original_label`. Labels of a user's own corpus that are not
/// in this list are kept as they are (lower-cased), so the vocabulary is open.
public enum Emotion: String, CaseIterable, Sendable, Codable {
    case neutral, calm, happy, sad, angry, fearful, disgust, surprised, boredom

    /// A one-line description, stored in the `labels` table.
    public var summary: String {
        switch self {
        case .neutral: "no particular emotion"
        case .calm: "calm (RAVDESS)"
        case .happy: "happiness, joy"
        case .sad: "sadness"
        case .angry: "anger"
        case .fearful: "fear"
        case .disgust: "disgust"
        case .surprised: "surprise, including TESS's 'pleasant surprise'"
        case .boredom: "boredom (EmoDB)"
        }
    }
}
