public import SERCore

/// Spectrograms for display (`ser plot spectrogram`), from the same librosa-exact STFT and
/// mel filterbank that feature extraction uses.
public enum Spectrogram {
    /// `|STFT(signal)|`, time-major `[frames, nFFT/2 + 1]`: periodic Hann window, centred
    /// frames with zero padding, `1 + n / hop` frames (librosa defaults); bin `k` is at
    /// `k · sampleRate / nFFT` Hz.
    ///
    /// - Throws: ``FeatureError`` for an empty signal, a non-finite sample or an invalid size.
    public static func magnitude(_ signal: [Float], nFFT: Int, hop: Int) throws(FeatureError) -> Matrix {
        let (magnitude, _) = try transform(signal, nFFT: nFFT, hop: hop)
        return magnitude
    }

    /// Mel power spectrogram, time-major `[frames, nMels]`: power 2, Slaney mel scale and
    /// Slaney-normalised filters from 0 Hz to `sampleRate / 2` (`librosa.feature.melspectrogram`).
    ///
    /// - Throws: ``FeatureError`` as ``magnitude(_:nFFT:hop:)``.
    public static func melPower(_ signal: [Float], sampleRate: Int, nFFT: Int, hop: Int, nMels: Int) throws(FeatureError) -> Matrix {
        guard nMels > 0, sampleRate > 0 else {
            throw .invalidConfiguration(field: "nMels", reason: "mel bands and sample rate must be positive")
        }
        let (_, power) = try transform(signal, nFFT: nFFT, hop: hop)
        let bins = nFFT / 2 + 1
        let weights = MelFilterbank.weights(sampleRate: sampleRate, nFFT: nFFT, nMels: nMels, fMin: 0, fMax: Double(sampleRate) / 2)
        var out = Matrix(rows: power.rows, columns: nMels)
        for t in 0..<power.rows {
            for m in 0..<nMels {
                var sum: Float = 0
                for k in 0..<bins { sum += weights[m * bins + k] * power.values[t * bins + k] }
                out.values[t * nMels + m] = sum
            }
        }
        return out
    }

    private static func transform(_ signal: [Float], nFFT: Int, hop: Int) throws(FeatureError) -> (Matrix, Matrix) {
        guard !signal.isEmpty else { throw .emptySignal }
        if let bad = signal.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteSample(index: bad, value: signal[bad]) }
        guard nFFT >= 16, nFFT % 2 == 0, hop > 0 else {
            throw .invalidConfiguration(field: "nFFT", reason: "n_fft must be even and ≥ 16, hop positive (got \(nFFT), \(hop))")
        }
        let stft = try STFT(nFFT: nFFT, hop: hop)
        let frames = 1 + signal.count / hop
        var magnitude = Matrix(rows: frames, columns: stft.bins)
        var power = Matrix(rows: frames, columns: stft.bins)
        signal.withUnsafeBufferPointer { s in
            magnitude.values.withUnsafeMutableBufferPointer { m in
                power.values.withUnsafeMutableBufferPointer { p in
                    if let mb = m.baseAddress, let pb = p.baseAddress { stft.compute(signal: s, frames: frames, magnitude: mb, power: pb) }
                }
            }
        }
        return (magnitude, power)
    }
}
