import Foundation
import SERTestSupport
import Testing
@testable import SERAudio

/// Files whose header lies, whose samples are unusable, or that are not files at all: each is
/// refused alone, with its path and the rule, before anything large is allocated or anything blocks.
@Suite struct HostileAudioTests {
    func code(_ path: String) -> (AudioError.Code, String)? {
        do { _ = try AudioDecoder.decode(path: path); return nil } catch let error as AudioError {
            #expect(error.path == path)
            return (error.code, error.reason)
        } catch { return nil }
    }

    @Test func theFLACWriterWritesFilesLibsndfileDecodes() throws {
        let folder = try ScratchFolder.make()
        let url = folder.appendingPathComponent("tone.flac")
        let samples = (0..<9000).map { Int16(truncatingIfNeeded: ($0 * 37) % 20000 - 10000) }
        try FLACWriter.pcm16(sampleRate: 8000, samples: samples).write(to: url)
        let audio = try AudioDecoder.decode(path: url.path)
        #expect(audio.info == AudioInfo(sampleRate: 8000, channels: 1, frames: 9000, format: "FLAC/PCM_16"))
        #expect(audio.samples == samples.map { Float($0) / 32768 })
    }

    /// Issue #16 item 7: a STREAMINFO claiming 2³⁶ − 1 frames used to allocate 275 GB and abort.
    @Test func aFLACClaimingTwoToThe36FramesIsRefusedBeforeAllocating() throws {
        let folder = try ScratchFolder.make()
        let url = folder.appendingPathComponent("huge.flac")
        let samples = [Int16](repeating: 1000, count: 8000)
        try FLACWriter.pcm16(sampleRate: 8000, samples: samples, claimedFrames: (1 << 36) - 1).write(to: url)
        let result = try #require(code(url.path))
        #expect(result.0 == .tooLarge)
        #expect(result.1.contains("68719476735 frames"), "\(result.1)")
        #expect(throws: AudioError.self) { try AudioDecoder.info(path: url.path) }
        #expect(throws: AudioError.self) { try AudioDecoder.decodeInt16(path: url.path) }
    }

    @Test func theSizeRuleBoundsTheClaimByTheFile() {
        #expect(AudioLimits.implausibleClaim(frames: 8000, channels: 2, compressed: false, fileSize: 32_044) == nil)
        #expect(AudioLimits.implausibleClaim(frames: 8000, channels: 2, compressed: false, fileSize: 15_999) != nil)
        #expect(AudioLimits.implausibleClaim(frames: 1 << 20, channels: 1, compressed: true, fileSize: 16) == nil)
        #expect(AudioLimits.implausibleClaim(frames: 1 << 21, channels: 1, compressed: true, fileSize: 16) != nil)
        #expect(AudioLimits.implausibleClaim(frames: (1 << 30) + 1, channels: 1, compressed: false, fileSize: 1 << 40) != nil)
        #expect(AudioLimits.implausibleClaim(frames: Int.max, channels: 2, compressed: true, fileSize: 1 << 40) != nil)
    }

    /// Issue #16 item 9: the index and value reported are those of the first bad sample in the
    /// file (they used to be "sample 0 is -nan", read after resampling had smeared the ∞).
    @Test func nonFiniteAndHugeSamplesAreRefusedNamingTheFirstOne() throws {
        let folder = try ScratchFolder.make()
        var samples = [Float](repeating: 0.25, count: 4000)
        samples[1000] = .infinity
        samples[2000] = .nan
        let inf = folder.appendingPathComponent("inf.wav")
        try WAVWriter.float32(sampleRate: 8000, channels: 1, samples: samples).write(to: inf)
        let infResult = try #require(code(inf.path))
        #expect(infResult.0 == .badSamples)
        #expect(infResult.1.hasPrefix("sample 1000 (frame 1000, channel 0) is inf"), "\(infResult.1)")

        var stereo = [Float](repeating: -0.5, count: 4000)
        stereo[1001] = 1e18
        let huge = folder.appendingPathComponent("huge.wav")
        try WAVWriter.float32(sampleRate: 8000, channels: 2, samples: stereo).write(to: huge)
        let hugeResult = try #require(code(huge.path))
        #expect(hugeResult.0 == .badSamples)
        #expect(hugeResult.1.hasPrefix("sample 1001 (frame 500, channel 1) is 1e+18"), "\(hugeResult.1)")

        var loud = [Float](repeating: 0, count: 100)
        loud[3] = 32768  // int16 values written unscaled: odd but usable
        let fine = folder.appendingPathComponent("loud.wav")
        try WAVWriter.float32(sampleRate: 8000, channels: 1, samples: loud).write(to: fine)
        #expect(try AudioDecoder.decode(path: fine.path).samples[3] == 32768)
    }

    /// Issue #16 item 8 / #23: a link to a device or a FIFO is refused at once with its kind;
    /// opening the FIFO does not wait for a writer.
    @Test func linksToDevicesAndFIFOsAreRefusedWithoutBlocking() throws {
        let folder = try ScratchFolder.make()
        let zero = folder.appendingPathComponent("zero.wav")
        try FileManager.default.createSymbolicLink(atPath: zero.path, withDestinationPath: "/dev/zero")
        let fifo = folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let fifoLink = folder.appendingPathComponent("pipe.wav")
        try FileManager.default.createSymbolicLink(atPath: fifoLink.path, withDestinationPath: fifo.path)
        let broken = folder.appendingPathComponent("broken.wav")
        try FileManager.default.createSymbolicLink(atPath: broken.path, withDestinationPath: folder.appendingPathComponent("none").path)

        let zeroResult = try #require(code(zero.path))
        #expect(zeroResult == (.unreadable, "is a character device, not a regular file; only regular files are read"))
        #expect(code(fifoLink.path)?.1.contains("a FIFO (named pipe)") == true)
        #expect(code(fifo.path)?.1.contains("a FIFO (named pipe)") == true)
        #expect(code(broken.path)?.1 == "is a broken symbolic link (its target does not exist)")
        #expect(throws: AudioError.self) { try SourceFile.status(path: zero.path) }
    }

    /// Issue #23: a link is checked as its target (`stat`, not `lstat`).
    @Test func aLinkIsExaminedAsItsTarget() throws {
        let folder = try ScratchFolder.make()
        let real = folder.appendingPathComponent("real.wav")
        let bytes = WAVWriter.pcm16(sampleRate: 8000, channels: 1, samples: [Int16](repeating: 5, count: 1000))
        try bytes.write(to: real)
        let link = folder.appendingPathComponent("link.wav")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        let status = try SourceFile.status(path: link.path)
        #expect(status == (try SourceFile.status(path: real.path)))
        #expect(status.size == Int64(bytes.count))
        #expect(try AudioDecoder.decode(path: link.path).info.frames == 1000)
    }

    @Test func decodingStopsWhenCancelled() throws {
        let folder = try ScratchFolder.make()
        let url = folder.appendingPathComponent("a.wav")
        try WAVWriter.pcm16(sampleRate: 8000, channels: 1, samples: [Int16](repeating: 5, count: 1000)).write(to: url)
        #expect(throws: AudioError(.interrupted, path: url.path, "decoding was interrupted")) {
            try AudioDecoder.decode(path: url.path, isCancelled: { true })
        }
    }
}
