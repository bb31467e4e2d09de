/// Berlin EmoDB names: `03a01Fa.wav` = speaker (2 digits), text code (`a01`–`a05`,
/// `b01`–`b10`), emotion letter, version letter.
///
/// Emotion letters (German): W Ärger → angry, L Langeweile → boredom, E Ekel → disgust,
/// A Angst → fearful, F Freude → happy, T Trauer → sad, N neutral. Speaker genders as the
/// corpus documents them: 03 m, 08 f, 09 f, 10 m, 11 m, 12 m, 13 f, 14 f, 15 m, 16 f.
public enum EmoDBName {
    static let emotions: [Character: String] = [
        "W": "angry", "L": "boredom", "E": "disgust", "A": "fearful", "F": "happy", "T": "sad", "N": "neutral",
    ]
    static let genders: [String: Gender] = [
        "03": .male, "08": .female, "09": .female, "10": .male, "11": .male,
        "12": .male, "13": .female, "14": .female, "15": .male, "16": .female,
    ]

    /// Parses the file name of `relativePath`.
    ///
    /// - Throws: ``CorpusError`` `.unlabelled` when the name does not follow the convention.
    public static func parse(_ relativePath: String) throws(CorpusError) -> ClipLabel {
        let stem = Array(relativePath.fileStem)
        guard stem.count == 7,
            String(stem[0...1]).isAllDigits,
            stem[2] == "a" || stem[2] == "b",
            String(stem[3...4]).isAllDigits,
            let emotion = emotions[stem[5]],
            stem[6].isLetter, stem[6].isLowercase
        else {
            throw CorpusError(
                .unlabelled, path: relativePath,
                "file name is not an EmoDB name SSTTTEV (e.g. 03a01Fa.wav; emotion letter one of W L E A F T N)")
        }
        let speaker = String(stem[0...1])
        return ClipLabel(
            label: emotion, originalLabel: String(stem[5]), speaker: speaker, gender: genders[speaker],
            attributes: ["text": String(stem[2...4]), "version": String(stem[6])])
    }
}
