import Foundation
import SERStore
import Testing

/// The shared RAVDESS speech set (1,080 clips), when present next to the package.
@Suite("ser import: RAVDESS")
struct RAVDESSImportTests {
    static let corpus = SERProcess.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/ravdess-speech")
    static var available: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    @Test(.enabled(if: available, "skipped: ../shared/data/ravdess-speech is not on this machine"))
    func importsAll1080ClipsThenNothing() throws {
        let work = try TestCorpus()
        defer { work.remove() }
        try work.initDatabase()
        let first = try work.ser(["import", Self.corpus.path, "-q"])
        #expect(first.status == 0, "\(first.stderr)")
        let store = try Store.open(at: work.database)
        let (dataset, version) = try DatasetStore.resolveVersion(dataset: "ravdess-speech", in: store)
        #expect(dataset.layout == "ravdess")
        #expect(version.clipCount == 1080)
        let versionID = version.id ?? -1
        let labels = try store.read { try DatasetStore.labelCounts(versionID: versionID, $0) }
        #expect(
            labels == [
                "neutral": 72, "calm": 144, "happy": 144, "sad": 144, "angry": 144, "fearful": 144, "disgust": 144, "surprised": 144,
            ])
        let stats = try store.read { try DatasetStore.speakersAndSeconds(versionID: versionID, $0) }
        #expect(stats.speakers == 18)
        let clips = try store.read { try DatasetStore.clips(versionID: versionID, $0) }
        #expect(clips.filter { $0.channels == 2 }.count == 3)
        // 7 emotions × 2 statements × 2 repetitions × 18 actors (neutral has no strong).
        #expect(clips.filter { $0.attributes.contains(#""intensity":"strong""#) }.count == 504)
        #expect(clips.filter { $0.attributes.contains(#""statement":"02""#) }.count == 540)
        #expect(clips.allSatisfy { $0.sampleRate == 48000 && $0.format == "FLAC/PCM_16" })
        #expect(Set(clips.compactMap(\.gender)) == ["male", "female"])

        let second = try work.ser(["import", Self.corpus.path])
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 new, 1080 already present"))
        #expect(second.stdout.contains("nothing added"))
        #expect(try store.read { try DatasetStore.versions(datasetID: dataset.id ?? -1, $0) }.count == 1)
        #expect(try store.read { try DatasetStore.clips(datasetID: dataset.id ?? -1, $0) }.count == 1080)
    }
}
