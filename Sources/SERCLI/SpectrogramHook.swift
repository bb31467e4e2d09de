import SERCore

/// The one place where `ser plot spectrogram` gets a short-time Fourier transform.
///
/// TODO(lead): connect these two functions to SERFeatures once it is merged (its STFT and mel
/// filterbank are librosa-exact); until then they throw `.notAvailable` and
/// `ser plot spectrogram` works only from cached mel features (`--mel`). Everything around
/// them (dB conversion, axes, colourbar, output) is done and tested.
enum SpectrogramHook {
    /// |STFT(samples)|: magnitude, shape `[1 + nFFT/2, frames]` (rows = frequency bins from
    /// 0 Hz to sampleRate/2, columns = frames `hopLength` samples apart), Hann window,
    /// centred frames (librosa defaults).
    static func magnitude(_ samples: [Float], sampleRate: Int, nFFT: Int, hopLength: Int) throws -> Matrix {
        // TODO(lead): return SERFeatures' magnitude STFT here, transposed to [bins, frames].
        throw PlotCommandError(
            .notAvailable, "spectrogram", "the STFT is not connected in this build yet (SERFeatures); use --mel with cached mel features")
    }

    /// Mel power spectrogram, shape `[nMels, frames]` (librosa.feature.melspectrogram defaults:
    /// power 2, Slaney mel scale and norm, fmax = sampleRate/2).
    static func melPower(_ samples: [Float], sampleRate: Int, nFFT: Int, hopLength: Int, nMels: Int) throws -> Matrix {
        // TODO(lead): return SERFeatures' mel spectrogram here, transposed to [mels, frames].
        throw PlotCommandError(
            .notAvailable, "spectrogram",
            "the mel filterbank is not connected in this build yet (SERFeatures) and this clip has no cached mel features")
    }
}
