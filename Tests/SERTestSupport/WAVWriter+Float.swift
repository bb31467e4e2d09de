import Foundation

extension WAVWriter {
    /// A 32-bit IEEE-float WAV (format tag 3) of interleaved `samples`, `[frames, channels]`;
    /// any value is written as given, NaN and ±∞ included.
    public static func float32(sampleRate: Int, channels: Int, samples: [Float]) -> Data {
        var data = Data()
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        let payload = UInt32(samples.count * 4)
        data.append(contentsOf: Array("RIFF".utf8)); u32(36 + payload)
        data.append(contentsOf: Array("WAVE".utf8))
        data.append(contentsOf: Array("fmt ".utf8)); u32(16); u16(3); u16(UInt16(channels))
        u32(UInt32(sampleRate)); u32(UInt32(sampleRate * channels * 4)); u16(UInt16(channels * 4)); u16(32)
        data.append(contentsOf: Array("data".utf8)); u32(payload)
        for s in samples { withUnsafeBytes(of: s.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }
}
