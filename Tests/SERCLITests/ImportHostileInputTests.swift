import Foundation
import SERStore
import SERTestSupport
import Testing

/// Issue #16 items 7–10 on the import side: each hostile file is rejected alone, with its
/// reason, and nothing hangs or aborts the import.
@Suite("ser import: hostile input")
struct ImportHostileInputTests {
    /// Rejection reasons by file name, after an import that must succeed.
    func importReasons(_ corpus: TestCorpus, timeout: TimeInterval = 60, unprivileged: Bool = false) throws -> (
        SERProcess.Result, [String: String]
    ) {
        try corpus.initDatabase()
        let result = try SERProcess.run(
            ["import", corpus.corpus.path, "--layout", "folders", "--name", "h", "--db", corpus.database],
            timeout: timeout, unprivilegedIn: unprivileged ? corpus.folder : nil)
        let store = try Store.open(at: corpus.database)
        var reasons: [String: String] = [:]
        if let dataset = try store.read({ try DatasetStore.dataset(named: "h", $0) }) {
            for rejection in try store.read({ try DatasetStore.rejections(datasetID: dataset.id ?? -1, $0) }) {
                reasons[(rejection.path as NSString).lastPathComponent] = rejection.reason
            }
        }
        return (result, reasons)
    }

    /// Item 7: a FLAC whose STREAMINFO claims 2³⁶ − 1 frames used to abort the import (275 GB
    /// allocation, exit 134) on every run.
    @Test func aFLACClaimingTwoToThe36FramesIsRejectedAlone() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("happy/a.wav", seed: 1)
        try corpus.wav("sad/b.wav", seed: 2)
        try corpus.file(
            "sad/huge.flac", FLACWriter.pcm16(sampleRate: 8000, samples: [Int16](repeating: 9, count: 8000), claimedFrames: (1 << 36) - 1))
        try corpus.file("happy/fine.flac", FLACWriter.pcm16(sampleRate: 8000, samples: [Int16](repeating: 9, count: 8000)))
        let (result, reasons) = try importReasons(corpus)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 new, 0 already present, 1 rejected"), "\(result.stdout)")
        #expect(reasons["huge.flac"]?.hasPrefix("too large: its header claims 68719476735 frames") == true, "\(reasons)")
        #expect(result.stdout.contains("huge.flac: too large"))
        let plot = try corpus.ser([
            "plot", "waveform", corpus.corpus.appendingPathComponent("sad/huge.flac").path, "-o",
            corpus.folder.appendingPathComponent("w.svg").path,
        ])
        #expect(plot.status == 1, "\(plot.stderr)")
        #expect(plot.stderr.contains("huge.flac: its header claims 68719476735 frames"), "\(plot.stderr)")
    }

    /// Item 8: links to /dev/zero and to a FIFO, and a FIFO itself, used to hang the import
    /// for ever (reading /dev/zero, or blocked in open).
    @Test func devicesAndFIFOsAreRejectedWithoutHanging() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("happy/a.wav", seed: 1)
        try corpus.wav("sad/b.wav", seed: 2)
        try FileManager.default.createSymbolicLink(
            atPath: corpus.corpus.appendingPathComponent("happy/zero.wav").path, withDestinationPath: "/dev/zero")
        let fifo = corpus.folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: corpus.corpus.appendingPathComponent("sad/pipe.wav").path, withDestinationPath: fifo.path)
        #expect(mkfifo(corpus.corpus.appendingPathComponent("sad/own-pipe.wav").path, 0o600) == 0)
        let (result, reasons) = try importReasons(corpus, timeout: 30)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 new, 0 already present, 3 rejected"), "\(result.stdout)")
        #expect(
            reasons["zero.wav"]
                == "unreadable: is a character device (through a symbolic link), not a regular file; only regular files are read")
        #expect(reasons["pipe.wav"]?.contains("is a FIFO (named pipe) (through a symbolic link)") == true, "\(reasons)")
        #expect(reasons["own-pipe.wav"]?.hasPrefix("unreadable: is a FIFO (named pipe), not a regular file") == true, "\(reasons)")
    }

    /// Item 9: float WAVs with ∞ or absurd samples used to be imported (then every run
    /// refused them, or trained on NaN); the reason names the first bad sample of the file.
    @Test func nonFiniteAndHugeSamplesAreRejectedNamingTheSample() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("happy/a.wav", seed: 1)
        try corpus.wav("sad/b.wav", seed: 2)
        var samples = (0..<4000).map { Float(sin(Double($0) * 0.05)) * 0.5 }
        samples[1000] = .infinity
        try corpus.file("sad/inf.wav", WAVWriter.float32(sampleRate: 8000, channels: 1, samples: samples))
        samples[1000] = 0
        samples[3000] = 1e18
        try corpus.file("happy/loud.wav", WAVWriter.float32(sampleRate: 8000, channels: 1, samples: samples))
        samples[3000] = -0.25
        try corpus.file("happy/float.wav", WAVWriter.float32(sampleRate: 8000, channels: 1, samples: samples))
        let (result, reasons) = try importReasons(corpus)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 new, 0 already present, 2 rejected"), "\(result.stdout)")
        #expect(reasons["inf.wav"]?.hasPrefix("bad samples: sample 1000 (frame 1000, channel 0) is inf") == true, "\(reasons)")
        #expect(reasons["loud.wav"]?.hasPrefix("bad samples: sample 3000 (frame 3000, channel 0) is 1e+18") == true, "\(reasons)")
    }

    /// Item 10: a folder named like a clip and an unreadable folder used to be skipped
    /// without a word.
    @Test func clipNamedAndUnreadableFoldersAreListed() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.wav("happy/a.wav", seed: 1)
        try corpus.wav("sad/b.wav", seed: 2)
        try FileManager.default.createDirectory(
            at: corpus.corpus.appendingPathComponent("sad/03-01-04-01-01-01-07.wav"), withIntermediateDirectories: true)
        try corpus.wav("angry/c.wav", seed: 3)
        let locked = corpus.corpus.appendingPathComponent("angry")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        let (result, reasons) = try importReasons(corpus, unprivileged: true)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(reasons["03-01-04-01-01-01-07.wav"]?.hasPrefix("not a file: a folder named like an audio file") == true, "\(reasons)")
        #expect(reasons["angry"]?.hasPrefix("unreadable folder: it cannot be listed (permissions)") == true, "\(reasons)")
        #expect(result.stdout.contains("2 new, 0 already present, 2 rejected"), "\(result.stdout)")
        #expect(result.stdout.contains("angry: unreadable folder"))
    }
}
