/// What the plots need to know about a clip: a row of `clips` with its dataset's name.
public struct ClipInfo: Sendable, Codable, Equatable {
    public var id: Int64
    public var dataset: String
    /// Absolute path at import time.
    public var path: String
    public var relativePath: String
    /// Canonical emotion label.
    public var label: String
    public var speaker: String?
    public var gender: String?
    /// Native sample rate (Hz).
    public var sampleRate: Int
    public var channels: Int
    /// Samples per channel.
    public var frames: Int
    /// Seconds.
    public var duration: Double

    public init(
        id: Int64, dataset: String, path: String, relativePath: String, label: String, speaker: String?, gender: String?,
        sampleRate: Int, channels: Int, frames: Int, duration: Double
    ) {
        self.id = id
        self.dataset = dataset
        self.path = path
        self.relativePath = relativePath
        self.label = label
        self.speaker = speaker
        self.gender = gender
        self.sampleRate = sampleRate
        self.channels = channels
        self.frames = frames
        self.duration = duration
    }
}
