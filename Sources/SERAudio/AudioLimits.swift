/// The bounds a source file must respect before `ser` allocates for it or computes with it.
///
/// Pure: the caller supplies the header facts, the file size and the samples.
public enum AudioLimits {
    /// The most samples (frames × channels) one file may decode to: 2³⁰, 4 GiB of float32,
    /// about 6.2 hours of 48 kHz mono. A header claiming more is refused before anything is
    /// allocated (a FLAC STREAMINFO can claim 2³⁶ − 1 frames in a few bytes).
    public static let maxSamples = 1 << 30

    /// The most samples a compressed file (FLAC, Ogg Vorbis/Opus, …) may claim per byte of
    /// file: 2¹⁶. FLAC's densest encoding, a CONSTANT subframe in a 65,535-sample block,
    /// needs about 12 bytes per block (≈ 5,500 samples a byte); Opus DTX about 1 byte per
    /// 960 samples. An uncompressed file (PCM, float, µ-law, …) needs at least one byte per
    /// sample.
    public static let maxSamplesPerCompressedByte = 1 << 16

    /// The largest |sample| accepted: 2²⁰ = 1,048,576. Float audio is nominally within ±1
    /// (int16 values written unscaled reach 32,768); beyond 2²⁰ the power spectra of the
    /// features ((2²⁰ · nFFT)² summed over bins) approach float32's 2¹²⁸ and turn into ∞/NaN.
    public static let maxAmplitude: Float = 1_048_576

    /// Why the header's claim cannot be true of a file of `fileSize` bytes, or `nil`.
    ///
    /// - Parameters:
    ///   - frames: frames the header claims; `channels`: its channel count.
    ///   - compressed: whether the encoding is compressed (fewer than 1 byte a sample possible).
    public static func implausibleClaim(frames: Int, channels: Int, compressed: Bool, fileSize: Int64) -> String? {
        let (samples, overflow) = frames.multipliedReportingOverflow(by: channels)
        if overflow || samples > maxSamples {
            return "its header claims \(frames) frames × \(channels) channels, more than the \(maxSamples) samples "
                + "(\(maxSamples / (1 << 28)) GiB of float32) a file may hold"
        }
        let perByte = compressed ? maxSamplesPerCompressedByte : 1
        if Int64(samples) > fileSize.multipliedReportingOverflow(by: Int64(perByte)).partialValue {
            return "its header claims \(frames) frames × \(channels) channels, but a \(fileSize)-byte file can hold at most "
                + "\(fileSize * Int64(perByte)) samples (\(perByte) a byte for \(compressed ? "compressed" : "uncompressed") audio)"
        }
        return nil
    }

    /// The first sample that is NaN, ±∞ or larger than ``maxAmplitude`` in magnitude, with its
    /// index in `samples`, or `nil` when all are usable.
    public static func firstBadSample(_ samples: [Float]) -> (index: Int, value: Float)? {
        samples.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                let x = buffer[i]
                // NaN fails every comparison, so `!(… <= …)` catches it with ±∞ and the huge.
                if !(abs(x) <= maxAmplitude) { return (i, x) }
            }
            return nil
        }
    }
}
