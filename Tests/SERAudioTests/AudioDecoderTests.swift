import Foundation
import SERTestSupport
import Testing
@testable import SERAudio

@Suite struct AudioDecoderTests {
    @Test func decodesPCM16ScaledBy1Over32768AndReadsTheHeader() throws {
        let folder = try ScratchFolder.make()
        let url = folder.appendingPathComponent("a.wav")
        try WAVWriter.pcm16(sampleRate: 16000, channels: 1, samples: [0, 16384, -32768, 32767]).write(to: url)
        let audio = try AudioDecoder.decode(path: url.path)
        #expect(audio.info == AudioInfo(sampleRate: 16000, channels: 1, frames: 4, format: "WAV/PCM_16"))
        #expect(audio.samples == [0, 0.5, -1, 32767 / 32768])
        #expect(abs(audio.info.duration - 4.0 / 16000) < 1e-12)
        #expect(audio.info.isPCM16)
        let raw = try AudioDecoder.decodeInt16(path: url.path)
        #expect(raw.samples == [0, 16384, -32768, 32767])
    }

    @Test func stereoIsDownmixedByAveragingLikeLibrosa() throws {
        let folder = try ScratchFolder.make()
        let url = folder.appendingPathComponent("s.wav")
        try WAVWriter.pcm16(sampleRate: 8000, channels: 2, samples: [16384, 0, -16384, -16384, 8192, 0]).write(to: url)
        let audio = try AudioDecoder.decode(path: url.path)
        #expect(audio.info.channels == 2)
        #expect(audio.info.frames == 3)
        #expect(audio.mono() == [0.25, -0.5, 0.125])
    }

    @Test func badFilesGiveAReasonNamingTheFile() throws {
        let folder = try ScratchFolder.make()
        let text = folder.appendingPathComponent("notes.wav")
        try Data("this is not audio\n".utf8).write(to: text)
        let empty = folder.appendingPathComponent("empty.wav")
        try Data().write(to: empty)
        let zero = folder.appendingPathComponent("zero.wav")
        try WAVWriter.pcm16(sampleRate: 8000, channels: 1, samples: []).write(to: zero)
        let truncated = folder.appendingPathComponent("cut.wav")
        let full = WAVWriter.pcm16(sampleRate: 8000, channels: 1, samples: [Int16](repeating: 100, count: 4000))
        try full.prefix(2000).write(to: truncated)

        func code(_ url: URL) -> AudioError.Code? {
            do { _ = try AudioDecoder.decode(path: url.path); return nil } catch let error as AudioError {
                #expect(error.path == url.path)
                #expect(!error.reason.isEmpty)
                return error.code
            } catch { return nil }
        }
        #expect(code(text) == .notAudio)
        #expect(code(empty) == .empty)
        #expect(code(zero) == .empty)
        #expect(code(folder.appendingPathComponent("missing.wav")) == .unreadable)
        #expect(code(folder) == .unreadable)
        // libsndfile trusts the file size over the header for WAV; either it reports the
        // truncation or it decodes only the frames that exist — never garbage beyond them.
        if let audio = try? AudioDecoder.decode(path: truncated.path) {
            #expect(audio.info.frames < 4000)
            #expect(audio.samples.allSatisfy { abs($0 - 100.0 / 32768) < 1e-7 })
        } else {
            #expect(code(truncated) == .truncated)
        }
    }
}
