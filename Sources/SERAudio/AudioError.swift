public import SERCore

/// Why an audio file could not be read or resampled. Always names the file.
public typealias AudioError = FileError<AudioErrorCode>

/// The kinds of ``AudioError``.
public enum AudioErrorCode: String, Sendable, Hashable {
    /// The file does not exist or cannot be opened.
    case unreadable
    /// libsndfile does not recognise the bytes as audio (text, image, corrupt header).
    case notAudio
    /// The file has no samples.
    case empty
    /// The header promises more frames than the file holds.
    case truncated
    /// The resampler failed.
    case resampling
    /// The header claims more samples than the file can hold or `ser` allocates
    /// (``AudioLimits``).
    case tooLarge
    /// A sample is NaN, ±∞ or beyond ``AudioLimits/maxAmplitude``.
    case badSamples
    /// Decoding stopped because the caller asked it to (Ctrl-C).
    case interrupted
}
