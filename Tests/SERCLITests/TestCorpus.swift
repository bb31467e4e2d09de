import Foundation
import SERTestSupport

/// A temporary folder holding a generated corpus and a fresh database, for one test.
struct TestCorpus {
    /// The folder (corpus files under `corpus/`, the database at `ser.db`).
    let folder: URL

    init() throws {
        folder = try ScratchFolder.make()
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    }

    /// Where corpus files go.
    var corpus: URL { folder.appendingPathComponent("corpus") }
    /// The database path.
    var database: String { folder.appendingPathComponent("ser.db").path }

    /// Writes a short 16-bit tone at `relativePath` below the corpus (folders created);
    /// `seed` varies the content so files differ.
    @discardableResult
    func wav(_ relativePath: String, seed: Int = 0, channels: Int = 1, frames: Int = 800, sampleRate: Int = 8000) throws -> URL {
        let url = corpus.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var samples: [Int16] = []
        samples.reserveCapacity(frames * channels)
        for i in 0..<frames {
            let value = Int16(truncatingIfNeeded: (i * (seed + 3) * 97) % 20000 - 10000)
            for c in 0..<channels { samples.append(c == 0 ? value : value / 2) }
        }
        try WAVWriter.pcm16(sampleRate: sampleRate, channels: channels, samples: samples).write(to: url)
        return url
    }

    /// Writes raw bytes at `relativePath` below the corpus.
    @discardableResult
    func file(_ relativePath: String, _ data: Data) throws -> URL {
        let url = corpus.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    /// Creates the database with `ser init`.
    func initDatabase() throws {
        let result = try SERProcess.run(["init", database, "-q"])
        guard result.status == 0 else { throw SERProcess.Failure(result: result) }
    }

    /// Runs `ser ARGS --db <database>`.
    func ser(_ arguments: [String], environment: [String: String] = [:]) throws -> SERProcess.Result {
        try SERProcess.run(arguments + ["--db", database], environment: environment)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
