import SERCore
public import SERPlot

/// A clip's spectrogram (linear or mel, power or dB) as a heatmap panel: the one drawing
/// `ser plot spectrogram`, `ser plot emotions` and the reports share.
public enum SpectrogramPanel {
    /// One spectrogram panel; `reference` is the power (or magnitude²) that 0 dB stands for
    /// (default: this clip's loudest bin), so that a grid of clips can share one.
    public static func panel(
        _ audio: ClipResolver.ClipAudio, mel: Bool, decibels: Bool, nFFT: Int = 2048, hopLength: Int = 512, nMels: Int = 128,
        title: String?, reference: Float? = nil, frames: Int? = nil
    ) throws -> Heatmap {
        let raw =
            mel
            ? try SpectrogramHook.melPower(audio.samples, sampleRate: audio.sampleRate, nFFT: nFFT, hopLength: hopLength, nMels: nMels)
            : try SpectrogramHook.magnitude(audio.samples, sampleRate: audio.sampleRate, nFFT: nFFT, hopLength: hopLength)
        var matrix = decibels ? FeatureMapFigure.decibels(raw, amplitude: !mel, reference: reference) : raw
        if let frames { matrix = FeatureMapFigure.padded(matrix, columns: frames) }
        let nyquist = Double(audio.sampleRate) / 2
        return FeatureMapFigure.heatmap(
            matrix, secondsPerFrame: Double(hopLength) / Double(audio.sampleRate), title: title,
            yLabel: mel ? FeatureMapFigure.melAxisLabel : "frequency (kHz)", yExtent: mel ? nil : 0...nyquist / 1000,
            colorMap: .magma, valueRange: decibels && reference != nil ? -80...0 : nil,
            colorbarLabel: decibels ? "dB" : (mel ? "power" : "magnitude"),
            yTicks: mel ? FeatureMapFigure.melTicks(bands: nMels, sampleRate: Double(audio.sampleRate)) : nil)
    }
}
