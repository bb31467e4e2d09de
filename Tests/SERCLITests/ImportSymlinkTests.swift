import Foundation
import GRDB
import SERStore
import SERTestSupport
import Testing

/// Issue #23: corpora made of symbolic links import, featurise and train exactly like the real
/// one; links are followed loop-safely, recorded as given and checked as their targets.
@Suite("ser import: symbolic links")
struct ImportSymlinkTests {
    /// `ser … --db <database>` on another database of the same test folder.
    func ser(_ corpus: TestCorpus, _ database: String, _ arguments: [String]) throws -> SERProcess.Result {
        try SERProcess.run(arguments + ["--db", database])
    }

    /// Imports `root` as `tones` into `database`, computes its features and trains a tiny run;
    /// returns the version hash and the run's per-epoch training losses.
    func importAndTrain(_ corpus: TestCorpus, root: URL, database: String) throws -> (version: String, losses: [Double]) {
        #expect(try SERProcess.run(["init", database, "-q"]).status == 0)
        let imported = try ser(corpus, database, ["import", root.path, "--name", "tones", "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect((summary?["rejected"] as? [Any])?.isEmpty == true, "\(imported.stdout)")
        let features = try ser(corpus, database, ["features", "--sample-rate", "16000"])
        #expect(features.status == 0, "\(features.stderr)")
        #expect(features.stdout.contains(", 0 failed"), "\(features.stdout)")
        let run = try ser(corpus, database, ["run", "--epochs", "2", "--test-speakers", "4", "--seed", "3", "-q"] + RunCommandTests.tiny)
        #expect(run.status == 0, "\(run.stderr)")
        let queue = try DatabaseQueue(path: database)
        let losses = try queue.read { try Double.fetchAll($0, sql: "SELECT train_loss FROM epochs ORDER BY epoch") }
        let store = try Store.open(at: database)
        return (try DatasetStore.resolveVersion(dataset: "tones", in: store).version.hash, losses)
    }

    /// A folder whose entries are links to the speaker folders (it used to "hold no audio"),
    /// and a `cp -rs` tree whose files are links (its clips used to be refused as "changed since
    /// import": the size checked was the link's).
    @Test func linkedFolderAndCopiedLinkTreesImportAndTrainLikeTheRealCorpus() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.writeToneCorpus(actors: 4, repetitions: 2)
        let real = try importAndTrain(corpus, root: corpus.corpus, database: corpus.database)
        #expect(real.losses.count == 2)

        let linked = corpus.folder.appendingPathComponent("linked")
        try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
        for actor in 1...4 {
            let name = String(format: "Actor_%02d", actor)
            try FileManager.default.createSymbolicLink(
                atPath: linked.appendingPathComponent(name).path, withDestinationPath: corpus.corpus.appendingPathComponent(name).path)
        }
        let viaLinks = try importAndTrain(corpus, root: linked, database: corpus.folder.appendingPathComponent("linked.db").path)
        #expect(viaLinks.version == real.version)
        #expect(viaLinks.losses == real.losses)

        let copied = corpus.folder.appendingPathComponent("copied")
        let cp = Process()
        cp.executableURL = URL(fileURLWithPath: "/bin/cp")
        cp.arguments = ["-rs", corpus.corpus.path, copied.path]
        try cp.run()
        cp.waitUntilExit()
        #expect(cp.terminationStatus == 0)
        let viaCopy = try importAndTrain(corpus, root: copied, database: corpus.folder.appendingPathComponent("copied.db").path)
        #expect(viaCopy.version == real.version)
        #expect(viaCopy.losses == real.losses)

        // Paths are recorded as given, through the links.
        let queue = try DatabaseQueue(path: corpus.folder.appendingPathComponent("linked.db").path)
        let paths = try queue.read { try String.fetchAll($0, sql: "SELECT path FROM clips") }
        #expect(!paths.isEmpty && paths.allSatisfy { $0.hasPrefix(linked.path + "/Actor_0") })
    }

    /// A link back up the tree is visited once, not for ever (nor twice); a folder reachable
    /// without links keeps its own path even when a link to it sorts first.
    @Test func aLinkLoopIsVisitedOnce() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        try corpus.wav("happy/a.wav", seed: 1)
        try corpus.wav("sad/b.wav", seed: 2)
        try FileManager.default.createSymbolicLink(atPath: corpus.corpus.appendingPathComponent("sad/up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: corpus.corpus.appendingPathComponent("happy/again").path,
            withDestinationPath: corpus.corpus.appendingPathComponent("happy").path)
        try FileManager.default.createSymbolicLink(
            atPath: corpus.corpus.appendingPathComponent("0link").path,
            withDestinationPath: corpus.corpus.appendingPathComponent("sad").path)
        let result = try SERProcess.run(["import", corpus.corpus.path, "--layout", "folders", "--db", corpus.database], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("files      2 audio files"), "\(result.stdout)")
        #expect(result.stdout.contains("2 new, 0 already present, 0 rejected"), "\(result.stdout)")
        // The folders are recorded under their own paths, not through the links met first.
        let queue = try DatabaseQueue(path: corpus.database)
        let relative = try queue.read { try String.fetchAll($0, sql: "SELECT relative_path FROM clips ORDER BY relative_path") }
        #expect(relative == ["happy/a.wav", "sad/b.wav"])
    }

    /// After import, a link pointed at another file is a changed clip: same size → the hash
    /// check of `ser features` sees it; another size → `ser run`'s size check does.
    @Test func aLinkSwappedAfterImportIsDetectedAsChanged() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.writeToneCorpus(actors: 4, repetitions: 2)
        let copied = corpus.folder.appendingPathComponent("copied")
        let cp = Process()
        cp.executableURL = URL(fileURLWithPath: "/bin/cp")
        cp.arguments = ["-rs", corpus.corpus.path, copied.path]
        try cp.run()
        cp.waitUntilExit()
        try corpus.initDatabase()
        #expect(try corpus.ser(["import", copied.path, "--name", "tones", "-q"]).status == 0)

        let link = copied.appendingPathComponent("Actor_01/03-01-01-01-01-01-01.wav")
        let sameSize = corpus.corpus.appendingPathComponent("Actor_02/03-01-01-01-01-01-02.wav")
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: sameSize.path)
        let features = try corpus.ser(["features", "--sample-rate", "16000"])
        #expect(features.stdout.contains(", 1 failed"), "\(features.stdout)")
        #expect(features.stdout.contains("content changed since import"), "\(features.stdout)")

        let other = corpus.folder.appendingPathComponent("longer.wav")
        try WAVWriter.pcm16(sampleRate: 16000, channels: 1, samples: [Int16](repeating: 3, count: 9000)).write(to: other)
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: other.path)
        let run = try corpus.ser(["run", "--epochs", "1", "--test-speakers", "4", "-q"] + RunCommandTests.tiny)
        #expect(run.status != 0)
        #expect(run.stderr.contains("the file changed since import (18044 bytes now"), "\(run.stderr)")

        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/zero")
        let device = try corpus.ser(["run", "--epochs", "1", "--test-speakers", "4", "-q"] + RunCommandTests.tiny)
        #expect(device.status != 0)
        #expect(device.stderr.contains("is a character device, not a regular file"), "\(device.stderr)")
    }

    /// `--no-follow` leaves linked folders alone, and the "no audio" message says why.
    @Test func noFollowSkipsLinkedFoldersAndSaysSo() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        try corpus.writeToneCorpus(actors: 2, repetitions: 1)
        let linked = corpus.folder.appendingPathComponent("linked")
        try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
        for actor in 1...2 {
            let name = String(format: "Actor_%02d", actor)
            try FileManager.default.createSymbolicLink(
                atPath: linked.appendingPathComponent(name).path, withDestinationPath: corpus.corpus.appendingPathComponent(name).path)
        }
        let refused = try corpus.ser(["import", linked.path, "--no-follow"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("holds no audio files"))
        #expect(refused.stderr.contains("it has 2 symbolic links (2 to folders, not followed because of --no-follow)"), "\(refused.stderr)")
        let store = try Store.open(at: corpus.database)
        #expect(try store.read { try DatasetStore.datasets($0) }.isEmpty)

        try FileManager.default.createSymbolicLink(
            atPath: corpus.corpus.appendingPathComponent("Actor_09").path,
            withDestinationPath: linked.appendingPathComponent("Actor_01").path)
        let partial = try corpus.ser(["import", corpus.corpus.path, "--no-follow", "--name", "n"])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout.contains("links      1 linked folder not followed (--no-follow)"), "\(partial.stdout)")
        #expect(partial.stdout.contains("8 new"), "\(partial.stdout)")
    }
}
