/// RAVDESS file names: `MM-VV-EE-II-SS-RR-AA` (seven two-digit fields).
///
/// modality (01 audio-video, 02 video-only, 03 audio-only), vocal channel (01 speech,
/// 02 song), emotion (01 neutral, 02 calm, 03 happy, 04 sad, 05 angry, 06 fearful,
/// 07 disgust, 08 surprised), intensity (01 normal, 02 strong), statement (01 "Kids are
/// talking by the door", 02 "Dogs are sitting by the door"), repetition (01, 02), actor
/// (01–24; odd male, even female).
public enum RAVDESSName {
    static let emotions: [String: String] = [
        "01": "neutral", "02": "calm", "03": "happy", "04": "sad",
        "05": "angry", "06": "fearful", "07": "disgust", "08": "surprised",
    ]
    static let modalities = ["01": "audio-video", "02": "video-only", "03": "audio-only"]
    static let channels = ["01": "speech", "02": "song"]
    static let intensities = ["01": "normal", "02": "strong"]
    static let statements = ["01": "Kids are talking by the door", "02": "Dogs are sitting by the door"]

    /// Parses the file name of `relativePath`.
    ///
    /// - Throws: ``CorpusError`` `.unlabelled` when the name does not follow the convention.
    public static func parse(_ relativePath: String) throws(CorpusError) -> ClipLabel {
        let fields = relativePath.fileStem.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func fail(_ why: String) -> CorpusError {
            CorpusError(.unlabelled, path: relativePath, "file name is not a RAVDESS name MM-VV-EE-II-SS-RR-AA: \(why)")
        }
        guard fields.count == 7, fields.allSatisfy({ $0.count == 2 && $0.isAllDigits }) else {
            throw fail("expected seven two-digit fields")
        }
        guard let modality = modalities[fields[0]] else { throw fail("modality \(fields[0]) is not 01–03") }
        guard let channel = channels[fields[1]] else { throw fail("vocal channel \(fields[1]) is not 01–02") }
        guard let emotion = emotions[fields[2]] else { throw fail("emotion \(fields[2]) is not 01–08") }
        guard let intensity = intensities[fields[3]] else { throw fail("intensity \(fields[3]) is not 01–02") }
        guard statements[fields[4]] != nil else { throw fail("statement \(fields[4]) is not 01–02") }
        guard fields[5] == "01" || fields[5] == "02" else { throw fail("repetition \(fields[5]) is not 01–02") }
        guard let actor = Int(fields[6]), (1...24).contains(actor) else { throw fail("actor \(fields[6]) is not 01–24") }
        return ClipLabel(
            label: emotion, originalLabel: fields[2], speaker: fields[6],
            gender: actor % 2 == 1 ? .male : .female,
            attributes: [
                "modality": modality, "vocal_channel": channel, "intensity": intensity,
                "statement": fields[4], "repetition": fields[5],
            ])
    }
}
