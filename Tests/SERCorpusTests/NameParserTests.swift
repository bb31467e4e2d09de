import SERCorpus
import Testing

@Suite("Corpus file-name parsers")
struct NameParserTests {
    @Test func ravdessNameGivesEmotionActorGenderAndAttributes() throws {
        let label = try RAVDESSName.parse("Actor_07/03-01-05-02-01-02-07.flac")
        #expect(label.label == "angry")
        #expect(label.originalLabel == "05")
        #expect(label.speaker == "07")
        #expect(label.gender == .male)
        #expect(label.attributes["intensity"] == "strong")
        #expect(label.attributes["statement"] == "01")
        #expect(label.attributes["repetition"] == "02")
        #expect(label.attributes["vocal_channel"] == "speech")
        #expect(label.attributes["modality"] == "audio-only")
        let even = try RAVDESSName.parse("03-01-02-01-02-01-12.wav")
        #expect(even.label == "calm")
        #expect(even.gender == .female)
        #expect(even.attributes["intensity"] == "normal")
    }

    @Test func ravdessMapsAllEightEmotions() throws {
        let expected = ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised"]
        for (index, name) in expected.enumerated() {
            let label = try RAVDESSName.parse(String(format: "03-01-%02d-01-01-01-01.wav", index + 1))
            #expect(label.label == name)
        }
    }

    @Test(arguments: [
        "03-01-09-01-01-01-01.wav", "03-01-05-01-01-01-25.wav", "03-01-05-01-01-01.wav", "03-01-05-03-01-01-01.wav", "hello.wav",
    ])
    func ravdessRejectsBadNames(_ name: String) {
        #expect(throws: CorpusError.self) { try RAVDESSName.parse(name) }
    }

    @Test func tessNameAndFolder() throws {
        let label = try TESSName.parse("OAF_angry/OAF_back_angry.wav")
        #expect(label.label == "angry")
        #expect(label.speaker == "OAF")
        #expect(label.gender == .female)
        #expect(label.attributes["word"] == "back")
        let ps = try TESSName.parse("YAF_pleasant_surprised/YAF_bath_ps.wav")
        #expect(ps.label == "surprised")
        #expect(ps.originalLabel == "ps")
        #expect(try TESSName.parse("YAF_fear/YAF_dog_fear.wav").label == "fearful")
        #expect(try TESSName.parse("YAF_pleasant_surprise/YAF_dog_pleasant_surprise.wav").label == "surprised")
        #expect(throws: CorpusError.self) { try TESSName.parse("XYZ_back_angry.wav") }
        #expect(throws: CorpusError.self) { try TESSName.parse("OAF_back_bored.wav") }
    }

    @Test func emodbName() throws {
        let label = try EmoDBName.parse("wav/03a01Fa.wav")
        #expect(label.label == "happy")
        #expect(label.originalLabel == "F")
        #expect(label.speaker == "03")
        #expect(label.gender == .male)
        #expect(label.attributes == ["text": "a01", "version": "a"])
        let letters: [Character: String] = [
            "W": "angry", "L": "boredom", "E": "disgust", "A": "fearful", "F": "happy", "T": "sad", "N": "neutral",
        ]
        for (letter, name) in letters {
            #expect(try EmoDBName.parse("16b10\(letter)b.wav").label == name)
        }
        #expect(try EmoDBName.parse("08a02Wc.wav").gender == .female)
        #expect(throws: CorpusError.self) { try EmoDBName.parse("03a01Xa.wav") }
        #expect(throws: CorpusError.self) { try EmoDBName.parse("03c01Fa.wav") }
    }

    @Test func cremaDName() throws {
        let label = try CREMADName.parse("AudioWAV/1001_DFA_ANG_XX.wav")
        #expect(label.label == "angry")
        #expect(label.speaker == "1001")
        #expect(label.gender == nil)
        #expect(label.attributes == ["sentence": "DFA", "level": "unspecified"])
        #expect(try CREMADName.parse("1091_IEO_HAP_HI.wav").attributes["level"] == "high")
        #expect(try CREMADName.parse("1002_TIE_FEA_LO.wav").label == "fearful")
        #expect(throws: CorpusError.self) { try CREMADName.parse("1001_DFA_SUR_XX.wav") }
        #expect(throws: CorpusError.self) { try CREMADName.parse("101_DFA_ANG_XX.wav") }
    }

    @Test func saveeBothForms() throws {
        let flat = try SAVEEName.parse("DC_a01.wav")
        #expect(flat.label == "angry")
        #expect(flat.speaker == "DC")
        #expect(flat.gender == .male)
        let nested = try SAVEEName.parse("KL/su15.wav")
        #expect(nested.label == "surprised")
        #expect(nested.speaker == "KL")
        #expect(try SAVEEName.parse("JE/sa03.wav").label == "sad")
        #expect(try SAVEEName.parse("JK_n30.wav").label == "neutral")
        #expect(throws: CorpusError.self) { try SAVEEName.parse("XX_a01.wav") }
        #expect(throws: CorpusError.self) { try SAVEEName.parse("happy/a01.wav") }
        #expect(throws: CorpusError.self) { try SAVEEName.parse("DC_z01.wav") }
    }

    @Test func foldersTakeTheParentFolder() throws {
        #expect(try FolderName.parse("Anger/take1.wav").label == "angry")
        #expect(try FolderName.parse("Anger/take1.wav").originalLabel == "Anger")
        #expect(try FolderName.parse("a/b/Frustrated/x.wav").label == "frustrated")
        #expect(throws: CorpusError.self) { try FolderName.parse("x.wav") }
    }

    @Test func labelMapperSynonymsAndOpenVocabulary() {
        #expect(LabelMapper.canonical("Anger") == "angry")
        #expect(LabelMapper.canonical(" pleasant surprise ") == "surprised")
        #expect(LabelMapper.canonical("JOY") == "happy")
        #expect(LabelMapper.canonical("Frustrated") == "frustrated")
        #expect(LabelMapper.canonical("  ") == nil)
        #expect(LabelMapper.isCanonical("boredom"))
        #expect(!LabelMapper.isCanonical("frustrated"))
    }

    @Test func attributesJSONIsSortedAndEscaped() {
        let label = ClipLabel(label: "sad", originalLabel: "x", attributes: ["b": "say \"hi\"", "a": "1"])
        #expect(label.attributesJSON == #"{"a":"1","b":"say \"hi\""}"#)
    }
}
