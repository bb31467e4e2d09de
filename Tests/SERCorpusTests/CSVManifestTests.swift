import SERCorpus
import Testing

@Suite("CSV manifests and version hashes")
struct CSVManifestTests {
    @Test func readsPathLabelSpeakerGenderAndExtras() throws {
        let text =
            "\u{FEFF}File,Emotion,Speaker,Gender,Session\r\nclips/a.wav,Anger,s1,F,1\n\"clips/b, c.wav\",\"pleasant surprise\",s2,male,2\n\n"
        let manifest = try CSVManifest.parse(text, source: "m.csv")
        #expect(manifest.rejections.isEmpty)
        #expect(manifest.entries.count == 2)
        let first = try #require(manifest.entries.first)
        #expect(first.path == "clips/a.wav")
        #expect(first.label.label == "angry")
        #expect(first.label.originalLabel == "Anger")
        #expect(first.label.speaker == "s1")
        #expect(first.label.gender == .female)
        #expect(first.label.attributes == ["session": "1"])
        #expect(first.line == 2)
        #expect(manifest.entries[1].path == "clips/b, c.wav")
        #expect(manifest.entries[1].label.label == "surprised")
        #expect(manifest.entries[1].label.gender == .male)
    }

    @Test func rejectsUnlabelledAndRepeatedRows() throws {
        let manifest = try CSVManifest.parse("path,label\na.wav,happy\nb.wav,\na.wav,sad\n,sad\n", source: "m.csv")
        #expect(manifest.entries.map(\.path) == ["a.wav"])
        #expect(manifest.rejections.map(\.line) == [3, 4, 5])
        #expect(manifest.rejections[0].reason.contains("unlabelled"))
        #expect(manifest.rejections[1].reason.contains("line 2"))
    }

    @Test func missingColumnsNameTheColumn() {
        let error = #expect(throws: CorpusError.self) { try CSVManifest.parse("path,speaker\na.wav,s1\n", source: "m.csv") }
        #expect(error?.code == .missingColumns)
        #expect(error?.path == "m.csv")
        #expect(error?.reason.contains("no label column") == true)
    }

    @Test func unterminatedQuoteAndEmptyFileAreMalformed() {
        let quote = #expect(throws: CorpusError.self) { try CSVManifest.parse("path,label\n\"a.wav,happy\n", source: "m.csv") }
        #expect(quote?.code == .malformedManifest)
        let empty = #expect(throws: CorpusError.self) { try CSVManifest.parse("", source: "m.csv") }
        #expect(empty?.code == .malformedManifest)
    }

    @Test func semicolonAndTabDelimiters() throws {
        #expect(try CSVManifest.parse("path;label\na.wav;sad\n", source: "m").entries.first?.label.label == "sad")
        #expect(try CSVManifest.parse("path\tlabel\na.wav\tsad\n", source: "m").entries.first?.label.label == "sad")
    }

    @Test func versionHashIsOrderIndependentAndMatchesTheFormula() {
        let a = (contentHash: String(repeating: "a", count: 64), label: "sad")
        let b = (contentHash: String(repeating: "b", count: 64), label: "happy")
        let hash = DatasetVersionHash.compute([a, b])
        #expect(hash == DatasetVersionHash.compute([b, a]))
        // Reference: printf 'aaaa…\tsad\nbbbb…\thappy\n' | sha256sum
        #expect(hash == "dc591b93ff80c5da39f740be5071881857a2b225ea4e05151f6f336e9c656655")
        #expect(DatasetVersionHash.compute([a]) != DatasetVersionHash.compute([(contentHash: a.contentHash, label: "happy")]))
    }
}
