public import SERExperiment
public import SERStore

/// A speaker's statistics for the per-speaker members of a run: what `ser predict --enroll`
/// computes from the speaker's recordings and `ser enroll` stores under a name.
public struct SpeakerEnrollment: Sendable {
    /// The stored name, or nil for recordings given with the prediction.
    public var name: String?
    /// Recipe hash → `maxFrames` → the global z-score of the clips' frames.
    public var statistics: [String: [Int: Normalizer]]
    /// The recordings the statistics come from.
    public var clips: [EnrolledClip]

    public init(name: String?, statistics: [String: [Int: Normalizer]], clips: [EnrolledClip]) {
        self.name = name
        self.statistics = statistics
        self.clips = clips
    }
}
