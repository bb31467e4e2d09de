public import Foundation
public import SERAudio

/// 16-bit PCM WAV files, for the browser's `<audio>` element.
public enum WAVEncoding {
    /// A canonical 44-byte-header RIFF/WAVE file of `audio`, samples clipped to [-1, 1] and
    /// rounded to 16 bits; channels interleaved as decoded.
    public static func encode(_ audio: DecodedAudio) -> Data {
        let channels = max(1, audio.info.channels)
        let rate = audio.info.sampleRate
        let dataBytes = audio.samples.count * 2
        var out = Data(capacity: 44 + dataBytes)
        func append32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func append16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        out.append(contentsOf: Array("RIFF".utf8))
        append32(UInt32(36 + dataBytes))
        out.append(contentsOf: Array("WAVEfmt ".utf8))
        append32(16)
        append16(1)
        append16(UInt16(channels))
        append32(UInt32(rate))
        append32(UInt32(rate * channels * 2))
        append16(UInt16(channels * 2))
        append16(16)
        out.append(contentsOf: Array("data".utf8))
        append32(UInt32(dataBytes))
        for sample in audio.samples {
            let clipped = sample.isFinite ? min(1, max(-1, sample)) : 0
            append16(UInt16(bitPattern: Int16((clipped * 32767).rounded())))
        }
        return out
    }
}
