/// SAVEE names: `DC_a01.wav` or `DC/a01.wav` = speaker (DC, JE, JK, KL; all male), emotion
/// code (a anger, d disgust, f fear, h happiness, n neutral, sa sadness, su surprise) and a
/// two-digit sentence number.
public enum SAVEEName {
    static let speakers: Set<String> = ["DC", "JE", "JK", "KL"]
    static let emotions = [
        "a": "angry", "d": "disgust", "f": "fearful", "h": "happy", "n": "neutral", "sa": "sad", "su": "surprised",
    ]

    /// Parses `relativePath` (file name, or folder + file name).
    ///
    /// - Throws: ``CorpusError`` `.unlabelled` when neither form matches.
    public static func parse(_ relativePath: String) throws(CorpusError) -> ClipLabel {
        let stem = relativePath.fileStem
        var speaker: String?
        var code = stem
        let parts = stem.split(separator: "_").map(String.init)
        if parts.count == 2, speakers.contains(parts[0].uppercased()) {
            speaker = parts[0].uppercased()
            code = parts[1]
        } else if let folder = relativePath.parentFolderName, speakers.contains(folder.uppercased()) {
            speaker = folder.uppercased()
        }
        let letters = String(code.prefix { $0.isLetter }).lowercased()
        let digits = String(code.dropFirst(letters.count))
        guard let speaker, let emotion = emotions[letters], digits.count == 2, digits.isAllDigits else {
            throw CorpusError(
                .unlabelled, path: relativePath,
                "file name is not a SAVEE name SPEAKER_e00 or SPEAKER/e00 (e.g. DC_a01.wav; speakers DC JE JK KL)")
        }
        return ClipLabel(
            label: emotion, originalLabel: letters, speaker: speaker, gender: .male,
            attributes: ["sentence": digits])
    }
}
