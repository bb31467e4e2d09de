import Foundation

/// Bytes of hostile audio files: headers that lie, samples that are not numbers, files that
/// are not audio at all. Pure: every function returns `Data`, the caller writes it.
///
/// Used by the robustness suite (SERCLITests `HostileInputTests`) and as the seed corpus of
/// the `fuzz-inputs` audio target (`fuzz-inputs seed`).
public enum HostileAudio {
    /// A 16-bit PCM WAV of a steady tone: `frames` frames, mono, `sampleRate` Hz.
    public static func tone(frames: Int = 800, sampleRate: Int = 8000, seed: Int = 0) -> Data {
        let samples = (0..<frames).map { Int16(truncatingIfNeeded: ($0 * (seed + 3) * 97) % 20000 - 10000) }
        return WAVWriter.pcm16(sampleRate: sampleRate, channels: 1, samples: samples)
    }

    /// A 32-bit IEEE-float WAV (format tag 3) holding `samples` (mono) exactly, NaN and ±∞
    /// included (their bit patterns are written as they are).
    public static func float32(_ samples: [Float], sampleRate: Int = 8000) -> Data {
        var data = Data()
        let payload = UInt32(samples.count * 4)
        data.append(ascii: "RIFF"); data.append(le32: 36 + payload); data.append(ascii: "WAVE")
        data.append(ascii: "fmt "); data.append(le32: 16); data.append(le16: 3); data.append(le16: 1)
        data.append(le32: UInt32(sampleRate)); data.append(le32: UInt32(sampleRate * 4)); data.append(le16: 4); data.append(le16: 32)
        data.append(ascii: "data"); data.append(le32: payload)
        for sample in samples { data.append(le32: sample.bitPattern) }
        return data
    }

    /// `frames` float samples of a quiet tone with `value` written at sample `index`
    /// (NaN, ∞, 1e30, …): one bad number in otherwise good audio.
    public static func float32(frames: Int = 2000, putting value: Float, at index: Int) -> Data {
        var samples = (0..<frames).map { Float(sin(Double($0) * 0.05) * 0.25) }
        if samples.indices.contains(index) { samples[index] = value }
        return float32(samples)
    }

    /// A float WAV whose every sample is `amplitude` times a tone: finite but absurd at 1e30.
    public static func float32(frames: Int = 2000, amplitude: Float) -> Data {
        float32((0..<frames).map { amplitude * Float(sin(Double($0) * 0.05)) })
    }

    /// A PCM-16 WAV whose `data` chunk claims `claimedBytes` but holds only `frames` frames.
    public static func wavClaiming(bytes claimedBytes: UInt32, frames: Int = 100) -> Data {
        var data = tone(frames: frames)
        data.replaceSubrange(40..<44, with: withUnsafeBytes(of: claimedBytes.littleEndian) { Data($0) })
        data.replaceSubrange(4..<8, with: withUnsafeBytes(of: claimedBytes &+ 36) { Data($0) })
        return data
    }

    /// A WAV whose `fmt ` chunk says `channels` channels, `sampleRate` Hz and `bits` bits
    /// (zero or absurd values), followed by a few bytes of samples.
    public static func wavHeader(channels: UInt16, sampleRate: UInt32, bits: UInt16, formatTag: UInt16 = 1) -> Data {
        var data = Data()
        data.append(ascii: "RIFF"); data.append(le32: 36 + 64); data.append(ascii: "WAVE")
        data.append(ascii: "fmt "); data.append(le32: 16); data.append(le16: formatTag); data.append(le16: channels)
        data.append(le32: sampleRate); data.append(le32: sampleRate &* UInt32(channels) &* UInt32(bits / 8))
        data.append(le16: channels &* (bits / 8)); data.append(le16: bits)
        data.append(ascii: "data"); data.append(le32: 64)
        data.append(Data(repeating: 0x11, count: 64))
        return data
    }

    /// A FLAC stream: `fLaC` and a STREAMINFO block claiming `totalFrames` (36 bits, so up to
    /// 2³⁶ − 1) at `sampleRate` Hz, mono, 16-bit, and no audio frames after it.
    public static func flacClaiming(totalFrames: UInt64, sampleRate: UInt32 = 16000) -> Data {
        var data = Data()
        data.append(ascii: "fLaC")
        data.append(contentsOf: [0x80, 0x00, 0x00, 34])  // last metadata block, STREAMINFO, 34 bytes
        data.append(contentsOf: [0x10, 0x00, 0x10, 0x00])  // min/max block size 4096
        data.append(contentsOf: [0x00, 0x00, 0x00, 0x00, 0x00, 0x00])  // min/max frame size unknown
        // 20 bits sample rate, 3 bits channels−1 (0), 5 bits bits−1 (15), 36 bits total frames.
        let frames = totalFrames & 0xF_FFFF_FFFF
        let packed = UInt64(sampleRate & 0xFFFFF) << 44 | UInt64(0) << 41 | UInt64(15) << 36 | frames
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: packed >> UInt64(shift))) }
        data.append(Data(repeating: 0, count: 16))  // MD5 unknown
        return data
    }

    /// `count` bytes from a fixed linear congruential sequence (not audio, but not text
    /// either).
    public static func garbage(count: Int, seed: UInt64 = 1) -> Data {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var data = Data(capacity: count)
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            data.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        return data
    }
}

extension Data {
    mutating func append(ascii text: String) { append(contentsOf: Array(text.utf8)) }
    mutating func append(le32 value: UInt32) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    mutating func append(le16 value: UInt16) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
}
