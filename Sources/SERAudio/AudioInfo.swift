/// The native facts of an audio file, read from its header without decoding.
public struct AudioInfo: Sendable, Hashable, Codable {
    /// Samples per second per channel, Hz.
    public var sampleRate: Int
    /// Channel count (1 mono, 2 stereo, …).
    public var channels: Int
    /// Samples per channel.
    public var frames: Int
    /// Container and encoding, e.g. `FLAC/PCM_16`, `WAV/FLOAT`.
    public var format: String

    /// Duration in seconds (`frames / sampleRate`).
    public var duration: Double { sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0 }

    /// Whether the samples are 16-bit PCM (so `int16` storage is lossless).
    public var isPCM16: Bool { format.hasSuffix("/PCM_16") }

    public init(sampleRate: Int, channels: Int, frames: Int, format: String) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.frames = frames
        self.format = format
    }
}
