/// Decoded samples at the file's native rate.
///
/// `samples` is interleaved, shape `[frames, channels]`, float32 in [-1, 1] (16-bit PCM is
/// scaled by 1/32768, as libsndfile and `soundfile`/librosa do).
public struct DecodedAudio: Sendable, Equatable {
    public var info: AudioInfo
    /// Interleaved samples, `frames * channels` values.
    public var samples: [Float]

    public init(info: AudioInfo, samples: [Float]) {
        self.info = info
        self.samples = samples
    }

    /// The mono signal, `[frames]`: the mean of the channels, as `librosa.to_mono` computes it.
    public func mono() -> [Float] {
        let channels = info.channels
        guard channels > 1 else { return samples }
        let frames = samples.count / channels
        var out = [Float](repeating: 0, count: frames)
        let scale = 1 / Float(channels)
        samples.withUnsafeBufferPointer { s in
            for f in 0..<frames {
                var sum: Float = 0
                for c in 0..<channels { sum += s[f * channels + c] }
                out[f] = sum * scale
            }
        }
        return out
    }
}
