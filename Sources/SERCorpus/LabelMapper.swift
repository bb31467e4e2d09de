import SERCore

/// Maps corpus label spellings onto the canonical vocabulary (``SERCore/Emotion``).
///
/// Known synonyms (`anger`, `fear`, `pleasant_surprise`, `ps`, `joy`, ...) map to their
/// emotion; any other non-empty label is kept lower-cased and trimmed, so users' own labels
/// survive. Matching ignores case, surrounding spaces, and `-`/space versus `_`.
public enum LabelMapper {
    private static let synonyms: [String: Emotion] = [
        "neutral": .neutral, "neu": .neutral, "neutrality": .neutral,
        "calm": .calm, "calmness": .calm,
        "happy": .happy, "happiness": .happy, "joy": .happy, "hap": .happy, "joyful": .happy,
        "sad": .sad, "sadness": .sad,
        "angry": .angry, "anger": .angry, "ang": .angry, "mad": .angry,
        "fearful": .fearful, "fear": .fearful, "fea": .fearful, "afraid": .fearful, "scared": .fearful,
        "disgust": .disgust, "disgusted": .disgust, "dis": .disgust,
        "surprised": .surprised, "surprise": .surprised, "sur": .surprised, "ps": .surprised,
        "pleasant_surprise": .surprised, "pleasant_surprised": .surprised,
        "boredom": .boredom, "bored": .boredom,
    ]

    /// The canonical label for `original`, or `nil` when it is empty.
    ///
    /// `"Anger"` → `"angry"`, `"pleasant surprise"` → `"surprised"`, `"Frustrated"` →
    /// `"frustrated"` (kept: not in the vocabulary).
    public static func canonical(_ original: String) -> String? {
        let trimmed = original.trimmingWhitespace().lowercased()
        guard !trimmed.isEmpty else { return nil }
        let key = String(trimmed.map { $0 == "-" || $0 == " " ? "_" : $0 })
        return synonyms[key]?.rawValue ?? trimmed
    }

    /// Whether `label` is one of the canonical emotions.
    public static func isCanonical(_ label: String) -> Bool { Emotion(rawValue: label) != nil }
}
