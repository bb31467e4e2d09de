/// Why features could not be computed for one clip or one configuration.
///
/// Every case carries what is wrong in words (``reason``); the CLI prints it next to the
/// clip's path and goes on with the next clip.
public enum FeatureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The signal has no samples. (A signal shorter than one FFT window is fine: with
    /// `center = true` librosa zero-pads it and returns one frame per `hop` samples, plus one.)
    case emptySignal
    /// A sample is NaN or ±∞ (librosa raises `ParameterError: Audio buffer is not finite
    /// everywhere`). `index` is the first offending sample.
    case nonFiniteSample(index: Int, value: Float)
    /// The clip has fewer frames than the delta window needs (librosa's `delta` with
    /// `mode='interp'` refuses `width > frames`).
    case tooShortForDeltas(frames: Int, width: Int)
    /// The audio's sample rate is not the configuration's (resample first).
    case sampleRateMismatch(expected: Int, got: Int)
    /// A configuration value is out of range or not supported; `field` names it.
    case invalidConfiguration(field: String, reason: String)

    /// The reason in words.
    public var reason: String {
        switch self {
        case .emptySignal:
            "the signal is empty (0 samples); at least one sample is needed for one frame"
        case .nonFiniteSample(let index, let value):
            "sample \(index) is \(value); audio must be finite everywhere"
        case .tooShortForDeltas(let frames, let width):
            "the clip has \(frames) frames, fewer than the delta window width \(width)"
        case .sampleRateMismatch(let expected, let got):
            "the audio is at \(got) Hz but the feature configuration expects \(expected) Hz; resample it first"
        case .invalidConfiguration(let field, let reason):
            "invalid feature configuration: \(field): \(reason)"
        }
    }

    /// Same as ``reason``.
    public var description: String { reason }
}
