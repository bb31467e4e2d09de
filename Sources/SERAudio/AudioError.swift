/// Why an audio file could not be read or resampled. Always names the file.
public struct AudioError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure.
    public enum Code: String, Sendable {
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

    public let code: Code
    /// The file concerned ("<memory>" for in-memory buffers).
    public let path: String
    /// What is wrong, in words.
    public let reason: String

    public init(_ code: Code, path: String, _ reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
