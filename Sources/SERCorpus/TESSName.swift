/// TESS (Toronto emotional speech set) names: `OAF_back_angry.wav`, often inside folders
/// like `YAF_pleasant_surprised/`.
///
/// Speaker `OAF` (older actress) or `YAF` (younger actress), both female; the target word;
/// the emotion `angry`, `disgust`, `fear`, `happy`, `neutral`, `sad`, `ps` /
/// `pleasant_surprise(d)` (→ surprised). Case is ignored; the published set's few `OA_`/`YA_`
/// slips are read as `OAF`/`YAF`.
public enum TESSName {
    static let emotions: [String: String] = [
        "angry": "angry", "disgust": "disgust", "fear": "fearful", "happy": "happy",
        "neutral": "neutral", "sad": "sad", "ps": "surprised",
        "pleasant_surprise": "surprised", "pleasant_surprised": "surprised",
    ]
    static let speakers = ["oaf": "OAF", "yaf": "YAF", "oa": "OAF", "ya": "YAF"]

    /// Parses `relativePath`'s file name (falling back to its folder's name for the emotion).
    ///
    /// - Throws: ``CorpusError`` `.unlabelled` when neither follows the convention.
    public static func parse(_ relativePath: String) throws(CorpusError) -> ClipLabel {
        let parts = relativePath.fileStem.lowercased().split(separator: "_").map(String.init)
        guard parts.count >= 3, let speaker = speakers[parts[0]] else {
            throw CorpusError(
                .unlabelled, path: relativePath,
                "file name is not a TESS name SPEAKER_word_emotion (e.g. OAF_back_angry.wav)")
        }
        let word = parts[1]
        let emotionText = parts[2...].joined(separator: "_")
        if let emotion = emotions[emotionText] {
            return ClipLabel(
                label: emotion, originalLabel: emotionText, speaker: speaker, gender: .female,
                attributes: ["word": word])
        }
        if let folder = relativePath.parentFolderName?.lowercased() {
            let folderParts = folder.split(separator: "_").map(String.init)
            if folderParts.count >= 2, speakers[folderParts[0]] != nil {
                let text = folderParts[1...].joined(separator: "_")
                if let emotion = emotions[text] {
                    return ClipLabel(
                        label: emotion, originalLabel: text, speaker: speaker, gender: .female,
                        attributes: ["word": word])
                }
            }
        }
        throw CorpusError(
            .unlabelled, path: relativePath,
            "TESS emotion '\(emotionText)' is not one of angry, disgust, fear, happy, neutral, ps, sad")
    }
}
