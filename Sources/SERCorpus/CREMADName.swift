/// CREMA-D names: `1001_DFA_ANG_XX.wav` = actor (1001–1091), sentence code (3 letters),
/// emotion (ANG, DIS, FEA, HAP, NEU, SAD), level (LO, MD, HI, XX unspecified).
///
/// Gender lives in a separate demographics file, so it is left unknown.
public enum CREMADName {
    static let emotions = [
        "ANG": "angry", "DIS": "disgust", "FEA": "fearful", "HAP": "happy", "NEU": "neutral", "SAD": "sad",
    ]
    static let levels = ["LO": "low", "MD": "medium", "HI": "high", "XX": "unspecified", "X": "unspecified"]

    /// Parses the file name of `relativePath`.
    ///
    /// - Throws: ``CorpusError`` `.unlabelled` when the name does not follow the convention.
    public static func parse(_ relativePath: String) throws(CorpusError) -> ClipLabel {
        let fields = relativePath.fileStem.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4,
            fields[0].count == 4, fields[0].isAllDigits,
            fields[1].count == 3, fields[1].allSatisfy({ $0.isASCII && $0.isUppercase }),
            let emotion = emotions[fields[2]],
            let level = levels[fields[3]]
        else {
            throw CorpusError(
                .unlabelled, path: relativePath,
                "file name is not a CREMA-D name ACTOR_SENTENCE_EMOTION_LEVEL (e.g. 1001_DFA_ANG_XX.wav)")
        }
        return ClipLabel(
            label: emotion, originalLabel: fields[2], speaker: fields[0], gender: nil,
            attributes: ["sentence": fields[1], "level": level])
    }
}
