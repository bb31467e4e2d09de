import Foundation
import SERCLI
@testable import SERWorkbench
@testable import SERReports
import SERCore
import SERStore
import Testing

/// Re-imports, versions, stored audio and the audio resolver.
@Suite("ser import: versions and audio")
struct ImportVersionTests {
    @Test func reimportAddsNothingAndChangesMakeANewVersion() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        try corpus.wav("happy/a.wav", seed: 1)
        try corpus.wav("sad/b.wav", seed: 2)
        let first = try corpus.ser(["import", corpus.corpus.path, "--name", "v"])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try corpus.ser(["import", corpus.corpus.path, "--name", "v"])
        #expect(again.stdout.contains("0 new, 2 already present"))
        #expect(again.stdout.contains("unchanged"))
        #expect(again.stdout.contains("nothing added"))
        let store = try Store.open(at: corpus.database)
        let original = try DatasetStore.resolveVersion(dataset: "v", in: store).version
        #expect(try store.read { try DatasetStore.versions(datasetID: original.datasetID, $0) }.count == 1)

        try corpus.wav("sad/b.wav", seed: 5)  // changed content
        try corpus.wav("angry/c.wav", seed: 6)  // added
        let changed = try corpus.ser(["import", corpus.corpus.path, "--name", "v", "--json"])
        #expect(changed.stdout.contains(#""new_clips" : 2"#))
        let versions = try store.read { try DatasetStore.versions(datasetID: original.datasetID, $0) }
        #expect(versions.count == 2)
        #expect(versions.map(\.clipCount) == [2, 3])
        #expect(try store.read { try DatasetStore.clips(versionID: original.id ?? -1, $0) }.count == 2)
        #expect(try store.read { try DatasetStore.clips(datasetID: original.datasetID, $0) }.count == 4)
        // The version hash is the documented formula over (content hash, label).
        let latest = try DatasetStore.resolveVersion(dataset: "v", in: store).version
        let clips = try store.read { try DatasetStore.clips(versionID: latest.id ?? -1, $0) }
        let lines = clips.map { "\($0.contentHash)\t\($0.label)\n" }.sorted().joined()
        #expect(latest.hash == SHA256.hex(lines))
        // Both versions resolve by hash prefix, also as NAME@VERSION.
        #expect(try DatasetStore.resolveVersion(dataset: "v", version: String(original.hash.prefix(8)), in: store).version == original)
        #expect(try DatasetStore.resolve(reference: "v@\(original.hash.prefix(6))", in: store).version == original)
        #expect(try DatasetStore.resolve(reference: "v", in: store).version == latest)
        let old = try corpus.ser(["clips", "--dataset", "v@\(original.hash.prefix(8))"])
        #expect(old.stdout.split(separator: "\n").count == 3)  // header + the 2 clips of the first version
    }

    @Test func storeAudioKeepsPCMAndTheLoaderPrefersIt() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        let url = try corpus.wav("happy/a.wav", seed: 1, channels: 2)
        let result = try corpus.ser(["import", corpus.corpus.path, "--name", "s", "--store-audio", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let store = try Store.open(at: corpus.database)
        let version = try DatasetStore.resolveVersion(dataset: "s", in: store).version
        let clip = try #require(try store.read { try DatasetStore.clips(versionID: version.id ?? -1, $0) }.first)
        let stored = try #require(try store.read { try DatasetStore.audio(clipID: clip.id ?? -1, $0) })
        #expect(stored.dtype == .int16)
        #expect(stored.channels == 2 && stored.frames == 800)
        #expect(stored.data.count == 800 * 2 * 2)
        let fromFile = try ClipAudioLoader.load(clip, store: store)
        try FileManager.default.removeItem(at: url)  // the database is self-contained now
        let fromDatabase = try ClipAudioLoader.load(clip, store: store)
        #expect(fromDatabase.samples == fromFile.samples)
        #expect(fromDatabase.mono().count == 800)
    }

    @Test func storeAudioOnAReimportFillsInThePCM() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        try corpus.wav("happy/a.wav", seed: 1)
        #expect(try corpus.ser(["import", corpus.corpus.path, "--name", "r", "-q"]).status == 0)
        let store = try Store.open(at: corpus.database)
        let version = try DatasetStore.resolveVersion(dataset: "r", in: store).version
        let clip = try #require(try store.read { try DatasetStore.clips(versionID: version.id ?? -1, $0) }.first)
        #expect(try store.read { try DatasetStore.audio(clipID: clip.id ?? -1, $0) } == nil)
        let again = try corpus.ser(["import", corpus.corpus.path, "--name", "r", "--store-audio"])
        #expect(again.stdout.contains("0 new, 1 already present"))
        let stored = try #require(try store.read { try DatasetStore.audio(clipID: clip.id ?? -1, $0) })
        #expect(stored.dtype == .int16 && stored.frames == 800)
    }

    @Test func movedAndChangedFilesAreNamed() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        let url = try corpus.wav("happy/a.wav", seed: 1)
        #expect(try corpus.ser(["import", corpus.corpus.path, "--name", "p", "-q"]).status == 0)
        let store = try Store.open(at: corpus.database)
        let version = try DatasetStore.resolveVersion(dataset: "p", in: store).version
        let clip = try #require(try store.read { try DatasetStore.clips(versionID: version.id ?? -1, $0) }.first)
        #expect(try ClipAudioLoader.load(clip, store: store).info.frames == 800)

        try corpus.wav("happy/a.wav", seed: 9)  // same size, other bytes
        let changed = #expect(throws: ClipAudioError.self) { try ClipAudioLoader.load(clip, store: store) }
        #expect(changed?.code == .changed)
        #expect(changed?.path == url.path)
        #expect(changed?.description.contains("clip \(clip.id ?? -1)") == true)

        try FileManager.default.removeItem(at: url)
        let moved = #expect(throws: ClipAudioError.self) { try ClipAudioLoader.load(clip, store: store) }
        #expect(moved?.code == .moved)
    }

    @Test func datasetsAndClipsCommands() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        try corpus.wav("happy/a.wav", seed: 1)
        try corpus.wav("sad/b.wav", seed: 2)
        try corpus.wav("sad/c.wav", seed: 3)
        #expect(try corpus.ser(["import", corpus.corpus.path, "--name", "d", "-q"]).status == 0)
        let datasets = try corpus.ser(["datasets"])
        #expect(datasets.stdout.contains("d  (folders, 3 clips stored)"))
        #expect(datasets.stdout.contains("happy 1, sad 2"))
        let json = try corpus.ser(["datasets", "--json"])
        #expect(json.stdout.contains(#""clip_count" : 3"#))
        let sad = try corpus.ser(["clips", "--dataset", "d", "--label", "sad"])
        #expect(sad.stdout.split(separator: "\n").count == 3)  // header + 2
        #expect(sad.stdout.contains("sad/b.wav") && !sad.stdout.contains("happy/a.wav"))
        let clipsJSON = try corpus.ser(["clips", "--json", "--label", "happy"])
        #expect(clipsJSON.stdout.contains(#""relative_path" : "happy/a.wav""#))
        #expect(clipsJSON.stdout.contains(#""dataset" : "d""#))
        #expect(clipsJSON.stdout.contains(#""attributes" : {"#))
        let unknown = try corpus.ser(["clips", "--dataset", "nope"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no dataset named 'nope'"))
    }
}
