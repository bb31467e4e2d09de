public import SERCore
public import SERFeatures

/// The one place where `ser plot spectrogram` gets a short-time Fourier transform: SERFeatures'
/// librosa-exact STFT and mel filterbank, transposed to the frequency-major layout the
/// heatmap draws.
public enum SpectrogramHook {
    /// |STFT(samples)|: magnitude, shape `[1 + nFFT/2, frames]` (rows = frequency bins from
    /// 0 Hz to sampleRate/2, columns = frames `hopLength` samples apart), Hann window,
    /// centred frames (librosa defaults).
    public static func magnitude(_ samples: [Float], sampleRate: Int, nFFT: Int, hopLength: Int) throws -> Matrix {
        try Spectrogram.magnitude(samples, nFFT: nFFT, hop: hopLength).transposed()
    }

    /// Mel power spectrogram, shape `[nMels, frames]` (librosa.feature.melspectrogram defaults:
    /// power 2, Slaney mel scale and norm, fmax = sampleRate/2).
    public static func melPower(_ samples: [Float], sampleRate: Int, nFFT: Int, hopLength: Int, nMels: Int) throws -> Matrix {
        try Spectrogram.melPower(samples, sampleRate: sampleRate, nFFT: nFFT, hop: hopLength, nMels: nMels).transposed()
    }
}
