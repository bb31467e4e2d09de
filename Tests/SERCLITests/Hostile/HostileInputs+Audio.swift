import Foundation
import SERTestSupport

extension HostileInputs {
    /// Audio files whose bytes lie, in a corpus of good clips: each is rejected by name and
    /// the good clips are imported.
    static var audio: [HostileCase] {
        [
            badClip("zero-length", Data()),
            badClip("header-only", WAVWriter.pcm16(sampleRate: 8000, channels: 1, samples: [])),
            badClip("truncated", HostileAudio.tone(frames: 4000).prefix(2000)),
            badClip("garbage", HostileAudio.garbage(count: 4096)),
            badClip("text", Data("this is not audio at all, just some text\n".utf8)),
            badClip("riff-only", Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8)),
            badClip("data-claims-4GiB", HostileAudio.wavClaiming(bytes: 0xFFFF_FFF0)),
            badClip("zero-channels", HostileAudio.wavHeader(channels: 0, sampleRate: 8000, bits: 16)),
            badClip("zero-rate", HostileAudio.wavHeader(channels: 1, sampleRate: 0, bits: 16)),
            badClip("zero-bits", HostileAudio.wavHeader(channels: 1, sampleRate: 8000, bits: 0)),
            badClip("65535-channels", HostileAudio.wavHeader(channels: 65535, sampleRate: 8000, bits: 16)),
            badClip("unknown-format-tag", HostileAudio.wavHeader(channels: 1, sampleRate: 8000, bits: 16, formatTag: 0x1234)),
            badClip("flac-claims-2^36-frames", HostileAudio.flacClaiming(totalFrames: 1 << 36 - 1)),
            badClip("flac-claims-1000-frames-holds-none", HostileAudio.flacClaiming(totalFrames: 1000)),
            // A STREAMINFO total of 0 means "unknown length": libsndfile says SF_COUNT_MAX frames.
            badClip("flac-claims-0-frames", HostileAudio.flacClaiming(totalFrames: 0)),
            badClip("float-nan-at-0", HostileAudio.float32(putting: .nan, at: 0)),
            badClip("float-inf-at-1000", HostileAudio.float32(putting: .infinity, at: 1000)),
            badClip("float-minus-inf-at-1999", HostileAudio.float32(putting: -.infinity, at: 1999)),
            // Finite but absurd: imported or rejected, never a crash (predict must refuse it, below).
            badClip("float-amplitude-1e30", HostileAudio.float32(amplitude: 1e30), expect: .survives(clips: goodClips...goodClips + 1)),
            // Good audio that must not be refused: denormal samples, one frame, a 1 Hz rate.
            badClip(
                "float-denormals", HostileAudio.float32(amplitude: .leastNormalMagnitude / 4),
                expect: .survives(clips: goodClips...goodClips + 1)),
            badClip("one-frame", HostileAudio.tone(frames: 1), expect: .survives(clips: goodClips...goodClips + 1)),
            badClip(
                "rate-1Hz", WAVWriter.pcm16(sampleRate: 1, channels: 1, samples: [Int16](repeating: 100, count: 50)),
                expect: .survives(clips: goodClips...goodClips + 1)),
            badClip(
                "rate-4GHz", HostileAudio.wavHeader(channels: 1, sampleRate: 4_000_000_000, bits: 16),
                expect: .survives(clips: goodClips...goodClips + 1)),
            corpusCase(.audio, "wav-bytes-named-flac", expect: .survives(clips: goodClips...goodClips + 1)) {
                try $0.write("corpus/Actor_07/03-01-05-01-01-01-07.flac", HostileAudio.tone())
            },
            corpusCase(.audio, "flac-header-named-wav", expect: .rejects("03-01-05-01-01-01-07.wav", clips: goodClips)) {
                try $0.write(HostileWorkspace.clipName(), HostileAudio.flacClaiming(totalFrames: 500))
            },
        ]
    }

    /// `ser predict` and `ser plot waveform` on hostile audio, with a trained run.
    static var predict: [HostileCase] {
        func predicting(_ name: String, _ data: @escaping @Sendable () -> Data, knownIssue: KnownIssue? = nil) -> HostileCase {
            HostileCase(.audio, "predict-" + name, base: .trained, expect: .refuses(naming: "bad.wav"), knownIssue: knownIssue) {
                try $0.write("bad.wav", data())
                return HostileCommand(arguments: ["predict", "bad.wav", "--run", String($0.runID)])
            }
        }
        return [
            predicting("zero-length") { Data() },
            predicting("garbage") { HostileAudio.garbage(count: 4096) },
            predicting("truncated", { HostileAudio.tone(frames: 4000).prefix(2000) }),
            predicting("float-nan") { HostileAudio.float32(putting: .nan, at: 0) },
            predicting("float-amplitude-1e30", { HostileAudio.float32(amplitude: 1e30) }),
            predicting("flac-claims-2^36-frames", { HostileAudio.flacClaiming(totalFrames: 1 << 36 - 1) }),
            HostileCase(
                .audio, "predict-batch-one-bad", base: .trained,
                expect: HostileExpectation(exit: .failure, names: ["cut.wav", "junk.wav"], outputs: ["good.wav"])
            ) {
                try $0.write("cut.wav", HostileAudio.tone(frames: 4000).prefix(2000))
                try $0.write("junk.wav", HostileAudio.garbage(count: 4096))
                try $0.write("good.wav", HostileAudio.tone(frames: 8000, sampleRate: 16000))
                return HostileCommand(arguments: ["predict", "cut.wav", "junk.wav", "good.wav", "--run", String($0.runID)])
            },
            HostileCase(.audio, "predict-folder", base: .trained, expect: .refuses(naming: "clips.wav")) {
                try $0.folder("clips.wav")
                return HostileCommand(arguments: ["predict", "clips.wav", "--run", String($0.runID)])
            },
            HostileCase(.audio, "plot-waveform-flac-claims-2^36-frames", base: .trained, expect: .refuses(naming: "bad.flac")) {
                try $0.write("bad.flac", HostileAudio.flacClaiming(totalFrames: 1 << 36 - 1))
                return HostileCommand(arguments: ["plot", "waveform", "bad.flac", "-o", "w.png"])
            },
        ]
    }
}
