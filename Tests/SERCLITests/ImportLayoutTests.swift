import Foundation
import SERStore
import Testing

/// `ser import` on generated corpora named like each public corpus, and on manifests.
@Suite("ser import: layouts")
struct ImportLayoutTests {
    /// Imports `corpus` and returns the clips of the new version.
    func importClips(_ corpus: TestCorpus, _ extra: [String] = []) throws -> (layout: String, clips: [ClipRecord]) {
        try corpus.initDatabase()
        let result = try corpus.ser(["import", corpus.corpus.path, "--name", "c", "-q"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let store = try Store.open(at: corpus.database)
        let (dataset, version) = try DatasetStore.resolveVersion(dataset: "c", in: store)
        let clips = try store.read { try DatasetStore.clips(versionID: version.id ?? -1, $0) }
        return (dataset.layout, clips)
    }

    @Test func ravdessNames() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("Actor_01/03-01-05-02-01-02-01.wav", seed: 1)
        try corpus.wav("Actor_02/03-01-01-01-02-01-02.wav", seed: 2, channels: 2)
        let (layout, clips) = try importClips(corpus)
        #expect(layout == "ravdess")
        #expect(clips.map(\.label) == ["angry", "neutral"])
        #expect(clips.map(\.speaker) == ["01", "02"])
        #expect(clips.map(\.gender) == ["male", "female"])
        #expect(clips.map(\.channels) == [1, 2])
        #expect(clips[0].attributes.contains(#""intensity":"strong""#))
        #expect(clips[1].attributes.contains(#""statement":"02""#))
        #expect(clips[0].format == "WAV/PCM_16")
        #expect(clips[0].sampleRate == 8000 && clips[0].frames == 800 && abs(clips[0].duration - 0.1) < 1e-9)
    }

    @Test func tessNames() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("OAF_angry/OAF_back_angry.wav", seed: 1)
        try corpus.wav("YAF_pleasant_surprised/YAF_bath_ps.wav", seed: 2)
        let (layout, clips) = try importClips(corpus)
        #expect(layout == "tess")
        #expect(clips.map(\.label) == ["angry", "surprised"])
        #expect(clips.map(\.originalLabel) == ["angry", "ps"])
        #expect(clips.map(\.speaker) == ["OAF", "YAF"])
        #expect(clips.allSatisfy { $0.gender == "female" })
    }

    @Test func emodbNames() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("wav/03a01Wa.wav", seed: 1)
        try corpus.wav("wav/08b02Lb.wav", seed: 2)
        let (layout, clips) = try importClips(corpus)
        #expect(layout == "emodb")
        #expect(clips.map(\.label) == ["angry", "boredom"])
        #expect(clips.map(\.gender) == ["male", "female"])
        #expect(clips.map(\.speaker) == ["03", "08"])
    }

    @Test func cremaDNames() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("AudioWAV/1001_DFA_ANG_XX.wav", seed: 1)
        try corpus.wav("AudioWAV/1002_IEO_SAD_HI.wav", seed: 2)
        let (layout, clips) = try importClips(corpus)
        #expect(layout == "crema-d")
        #expect(clips.map(\.label) == ["angry", "sad"])
        #expect(clips.map(\.speaker) == ["1001", "1002"])
        #expect(clips.allSatisfy { $0.gender == nil })
        #expect(clips[1].attributes.contains(#""level":"high""#))
    }

    @Test func saveeNames() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("DC/a01.wav", seed: 1)
        try corpus.wav("KL/su02.wav", seed: 2)
        let (layout, clips) = try importClips(corpus)
        #expect(layout == "savee")
        #expect(clips.map(\.label) == ["angry", "surprised"])
        #expect(clips.map(\.speaker) == ["DC", "KL"])
        #expect(clips.allSatisfy { $0.gender == "male" })
    }

    @Test func labelFolders() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("Anger/take1.wav", seed: 1)
        try corpus.wav("frustrated/take2.wav", seed: 2)
        let (layout, clips) = try importClips(corpus)
        #expect(layout == "folders")
        #expect(clips.map(\.label) == ["angry", "frustrated"])
        #expect(clips.map(\.originalLabel) == ["Anger", "frustrated"])
    }

    @Test func symlinkedRootIsWalked() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("happy/a.wav", seed: 1)
        let link = corpus.folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: corpus.corpus)
        try corpus.initDatabase()
        let result = try corpus.ser(["import", link.path, "--name", "l", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""new_clips" : 1"#))
    }

    @Test func explicitLayoutOverridesDetection() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("happy/03-01-05-02-01-02-01.wav", seed: 1)
        let (layout, clips) = try importClips(corpus, ["--layout", "folders"])
        #expect(layout == "folders")
        #expect(clips.map(\.label) == ["happy"])
    }

    @Test func reimportWithAutoKeepsTheDatasetsLayout() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("happy/03-01-05-02-01-02-01.wav", seed: 1)
        _ = try importClips(corpus, ["--layout", "folders"])
        try corpus.wav("sad/03-01-04-02-01-02-01.wav", seed: 2)
        let again = try corpus.ser(["import", corpus.corpus.path, "--name", "c"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("layout folders"))
        #expect(again.stdout.contains("1 new, 1 already present"))
        let conflicting = try corpus.ser(["import", corpus.corpus.path, "--name", "c", "--layout", "ravdess"])
        #expect(conflicting.status != 0)
        #expect(conflicting.stderr.contains("was imported with layout folders"))
    }

    @Test func csvManifestWithSpeakerAndExtraColumns() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("audio/one.wav", seed: 1)
        try corpus.wav("audio/two.wav", seed: 2)
        let manifest = try corpus.file(
            "manifest.csv",
            Data(
                """
                file,emotion,speaker,gender,session
                audio/one.wav,Anger,spk1,f,s1
                audio/two.wav,calm,spk2,m,s2
                audio/gone.wav,sad,spk2,m,s3
                audio/one.wav,happy,spk1,f,s1
                """.utf8))
        try corpus.initDatabase()
        let result = try corpus.ser(["import", manifest.path, "--name", "m", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""layout" : "csv""#))
        let store = try Store.open(at: corpus.database)
        let (dataset, version) = try DatasetStore.resolveVersion(dataset: "m", in: store)
        #expect(dataset.layout == "csv")
        let clips = try store.read { try DatasetStore.clips(versionID: version.id ?? -1, $0) }
        #expect(clips.map(\.relativePath) == ["audio/one.wav", "audio/two.wav"])
        #expect(clips.map(\.label) == ["angry", "calm"])
        #expect(clips.map(\.speaker) == ["spk1", "spk2"])
        #expect(clips.map(\.gender) == ["female", "male"])
        #expect(clips[0].attributes == #"{"session":"s1"}"#)
        let rejections = try store.read { try DatasetStore.rejections(datasetID: dataset.id ?? -1, $0) }
        #expect(rejections.count == 2)
        #expect(rejections.contains { $0.path.hasSuffix("gone.wav") && $0.reason.hasPrefix("unreadable") })
        #expect(rejections.contains { $0.reason.contains("listed again") })
    }
}
