public import SERPlot

/// One fixed colour per emotion, so that an emotion looks the same in every plot
/// (tab10 colours; neutral grey, sad blue, angry red, happy orange, …).
public enum EmotionColors {
    public static let fixed: [String: Color] = [
        "neutral": Color(hex: 0x7F7F7F), "calm": Color(hex: 0x17BECF), "happy": Color(hex: 0xFF7F0E), "sad": Color(hex: 0x1F77B4),
        "angry": Color(hex: 0xD62728), "fearful": Color(hex: 0x9467BD), "disgust": Color(hex: 0x2CA02C), "surprised": Color(hex: 0xE377C2),
        "boredom": Color(hex: 0xBCBD22),
    ]

    /// The colour of `label`; labels outside the canonical set get brown or a stable tab10 pick.
    public static func color(_ label: String) -> Color {
        if let c = fixed[label] { return c }
        let hash = label.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF }
        return hash % 2 == 0 ? Color(hex: 0x8C564B) : Color.series(hash)
    }
}
