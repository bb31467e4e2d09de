import Foundation
import SERStore
import SERTestSupport
import Testing

/// Bad input: files that are listed and skipped, and errors that stop before writing.
@Suite("ser import: bad input")
struct ImportFailureTests {
    /// A folders corpus with two good files and one of each kind of bad file.
    func badCorpus() throws -> TestCorpus {
        let corpus = try TestCorpus()
        try corpus.wav("happy/good1.wav", seed: 1)
        try corpus.wav("sad/good2.wav", seed: 2)
        try corpus.file("sad/empty.wav", Data())
        try corpus.file("sad/zero.wav", WAVWriter.pcm16(sampleRate: 8000, channels: 1, samples: []))
        try corpus.file("sad/text.wav", Data("this is not audio at all, just some text\n".utf8))
        let full = WAVWriter.pcm16(sampleRate: 8000, channels: 1, samples: [Int16](repeating: 100, count: 4000))
        try corpus.file("sad/cut.wav", full.prefix(2000))
        try corpus.wav("loose.wav", seed: 3)
        let locked = try corpus.wav("happy/locked.wav", seed: 4)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        try FileManager.default.createSymbolicLink(
            at: corpus.corpus.appendingPathComponent("sad/broken.wav"),
            withDestinationURL: corpus.folder.appendingPathComponent("nowhere.wav"))
        let outside = corpus.folder.appendingPathComponent("real.wav")
        try WAVWriter.pcm16(sampleRate: 8000, channels: 1, samples: [Int16](repeating: 7, count: 800)).write(to: outside)
        try FileManager.default.createSymbolicLink(
            at: corpus.corpus.appendingPathComponent("happy/linked.wav"), withDestinationURL: outside)
        return corpus
    }

    @Test func badFilesAreListedAndGoodOnesCommitted() throws {
        let corpus = try badCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        let result = try corpus.ser(["import", corpus.corpus.path, "--layout", "folders", "--name", "b"])
        #expect(result.status == 0, "\(result.stderr)")
        let good = getuid() == 0 ? 4 : 3  // good1, good2, linked; root also reads the locked file
        #expect(result.stdout.contains("\(good) new, 0 already present"))
        let store = try Store.open(at: corpus.database)
        let (dataset, version) = try DatasetStore.resolveVersion(dataset: "b", in: store)
        #expect(version.clipCount == good)
        let rejections = try store.read { try DatasetStore.rejections(datasetID: dataset.id ?? -1, $0) }
        var reasons: [String: String] = [:]
        for rejection in rejections { reasons[(rejection.path as NSString).lastPathComponent] = rejection.reason }
        #expect(reasons["empty.wav"]?.hasPrefix("empty") == true)
        #expect(reasons["zero.wav"]?.hasPrefix("empty") == true)
        #expect(reasons["text.wav"]?.hasPrefix("not audio") == true)
        #expect(reasons["cut.wav"]?.hasPrefix("truncated") == true)
        #expect(reasons["loose.wav"]?.hasPrefix("unlabelled") == true)
        #expect(reasons["broken.wav"]?.hasPrefix("unreadable") == true)
        #expect(reasons["linked.wav"] == nil)  // a link to a real file is imported
        if getuid() != 0 {  // root reads anything
            #expect(reasons["locked.wav"]?.hasPrefix("unreadable") == true)
        }
        for (name, reason) in reasons { #expect(result.stdout.contains("\(name): \(reason)")) }
        let listing = try corpus.ser(["datasets", "b"])
        #expect(listing.stdout.contains("files rejected:"))
        #expect(listing.stdout.contains("text.wav: not audio"))
    }

    @Test func strictExitsNonZeroButKeepsTheGoodFiles() throws {
        let corpus = try badCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        let result = try corpus.ser(["import", corpus.corpus.path, "--layout", "folders", "--name", "b", "--strict", "-q"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("rejected (--strict)"))
        let store = try Store.open(at: corpus.database)
        #expect(try DatasetStore.resolveVersion(dataset: "b", in: store).version.clipCount == (getuid() == 0 ? 4 : 3))
    }

    /// Runs an import that must fail, and checks nothing was written.
    func expectCleanFailure(_ corpus: TestCorpus, _ arguments: [String], mentions: String) throws {
        try corpus.initDatabase()
        let result = try corpus.ser(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        let store = try Store.open(at: corpus.database)
        #expect(try store.read { try DatasetStore.datasets($0) }.isEmpty)
    }

    @Test func missingPathWritesNothing() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let missing = corpus.folder.appendingPathComponent("nowhere").path
        try expectCleanFailure(corpus, ["import", missing], mentions: "\(missing): does not exist")
    }

    @Test func unmatchedLayoutWritesNothing() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("a.wav", seed: 1)
        try corpus.wav("b.wav", seed: 2)
        try expectCleanFailure(corpus, ["import", corpus.corpus.path], mentions: "no layout matches")
    }

    @Test func explicitLayoutMatchingNothingWritesNothing() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("happy/a.wav", seed: 1)
        try expectCleanFailure(corpus, ["import", corpus.corpus.path, "--layout", "emodb"], mentions: "--layout emodb matches none")
    }

    @Test func manifestWithoutLabelColumnWritesNothing() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("a.wav", seed: 1)
        let manifest = try corpus.file("m.csv", Data("path,speaker\na.wav,s1\n".utf8))
        try expectCleanFailure(corpus, ["import", manifest.path], mentions: "has no label column")
    }

    @Test func flagValidationNamesTheFlag() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        let batch = try corpus.ser(["import", corpus.corpus.path, "--batch-size", "0"])
        #expect(batch.status == 64)
        #expect(batch.stderr.contains("--batch-size must be at least 1"))
        let jobs = try corpus.ser(["import", corpus.corpus.path, "--jobs", "0"])
        #expect(jobs.stderr.contains("--jobs must be at least 1"))
        let layout = try corpus.ser(["import", corpus.corpus.path, "--layout", "mp3"])
        #expect(layout.status == 64)
        #expect(layout.stderr.contains("--layout"))
    }
}
