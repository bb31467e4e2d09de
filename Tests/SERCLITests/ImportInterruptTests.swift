import Foundation
import SERStore
import Testing

/// kill -9, Ctrl-C or SIGTERM in the middle of an import leaves whole batches and no version;
/// a re-run finishes.
@Suite("ser import: interruption")
struct ImportInterruptTests {
    @Test func killNineMidImportThenRerunCompletes() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        let total = 120
        for i in 0..<total { try corpus.wav(String(format: "%@/clip%03d.wav", i % 2 == 0 ? "happy" : "sad", i), seed: i, frames: 200) }
        // Batches of 10, 150 ms pause after each commit: the import takes ~2 s.
        let process = try SERProcess.start(
            ["import", corpus.corpus.path, "--name", "k", "--batch-size", "10", "--db", corpus.database],
            environment: ["SER_IMPORT_BATCH_DELAY_MS": "150"])
        let store = try Store.open(at: corpus.database)
        func clipCount() throws -> Int { try store.read { try DatasetStore.clips($0).count } }
        let deadline = Date().addingTimeInterval(20)
        while try clipCount() < 10, Date() < deadline, process.isRunning { usleep(5000) }
        #expect(process.isRunning, "the import finished before it could be interrupted")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try store.integrityProblems().isEmpty)
        let partial = try clipCount()
        #expect(partial >= 10 && partial < total)
        #expect(partial % 10 == 0, "only whole batches are committed (got \(partial) clips)")
        let dataset = try #require(try store.read { try DatasetStore.dataset(named: "k", $0) })
        #expect(try store.read { try DatasetStore.versions(datasetID: dataset.id ?? -1, $0) }.isEmpty)

        let rerun = try corpus.ser(["import", corpus.corpus.path, "--name", "k", "--json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("\"new_clips\" : \(total - partial)"))
        #expect(rerun.stdout.contains("\"existing_clips\" : \(partial)"))
        #expect(try clipCount() == total)
        let version = try DatasetStore.resolveVersion(dataset: "k", in: store).version
        #expect(version.clipCount == total)
        #expect(try store.integrityProblems().isEmpty)
    }

    /// Ctrl-C exits 130 and SIGTERM 143 (128 + the signal, as documented; both used to exit 1).
    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalStopsAfterTheBatchInFlight(signal: Int32, status: Int32) throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        let total = 120
        for i in 0..<total { try corpus.wav(String(format: "happy/clip%03d.wav", i), seed: i, frames: 200) }
        let process = try SERProcess.start(
            ["import", corpus.corpus.path, "--name", "c", "--batch-size", "10", "--db", corpus.database],
            environment: ["SER_IMPORT_BATCH_DELAY_MS": "150"])
        let store = try Store.open(at: corpus.database)
        func clipCount() throws -> Int { try store.read { try DatasetStore.clips($0).count } }
        let deadline = Date().addingTimeInterval(20)
        while try clipCount() < 10, Date() < deadline, process.isRunning { usleep(5000) }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status)
        #expect(try store.integrityProblems().isEmpty)
        let partial = try clipCount()
        #expect(partial < total && partial % 10 == 0)
        let dataset = try #require(try store.read { try DatasetStore.dataset(named: "c", $0) })
        #expect(try store.read { try DatasetStore.versions(datasetID: dataset.id ?? -1, $0) }.isEmpty)
        #expect(try corpus.ser(["import", corpus.corpus.path, "--name", "c", "-q"]).status == 0)
        #expect(try DatasetStore.resolveVersion(dataset: "c", in: store).version.clipCount == total)
    }

    /// Ctrl-C reaches into the hashing of a large file (checked every MiB): the import stops
    /// within seconds instead of reading the whole file first.
    @Test func ctrlCStopsTheHashingOfALargeFile() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        try corpus.wav("happy/a.wav", seed: 1)
        let big = corpus.corpus.appendingPathComponent("sad/big.wav")
        try FileManager.default.createDirectory(at: big.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        #expect(truncate(big.path, 8 << 30) == 0)  // 8 GiB of zeros, sparse: no disk used, minutes to hash
        let process = try SERProcess.start(["import", corpus.corpus.path, "--name", "s", "--jobs", "1", "--db", corpus.database])
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning, "the import finished before it could be interrupted")
        let signalled = Date()
        kill(process.processIdentifier, SIGINT)
        while process.isRunning, Date().timeIntervalSince(signalled) < 20 { usleep(10_000) }
        let waited = Date().timeIntervalSince(signalled)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(waited < 10, "the import took \(waited) s to stop after Ctrl-C")
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
    }
}
