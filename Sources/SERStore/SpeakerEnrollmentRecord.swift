/// One stored speaker enrolment (`speaker_enrollments`): a speaker's feature statistics under
/// one recipe and frame limit, from a few unlabelled recordings of theirs.
public struct SpeakerEnrollmentRecord: Sendable, Equatable {
    /// The speaker's name, as `ser predict --speaker` takes it.
    public var name: String
    /// `feature_configs.hash` of the recipe the clips were featurised with.
    public var recipeHash: String
    /// Frames each clip was cut to before the statistics (the models' `maxFrames`).
    public var maxFrames: Int
    /// `[dims]` means and population standard deviations (≥ 1e-8).
    public var mean: [Float]
    public var std: [Float]
    /// The recordings, in the order given.
    public var clips: [EnrolledClip]
    /// The run it was enrolled for (nil once that run is deleted).
    public var runID: Int64?
    /// ISO 8601, UTC.
    public var createdAt: String

    public init(
        name: String, recipeHash: String, maxFrames: Int, mean: [Float], std: [Float], clips: [EnrolledClip], runID: Int64?,
        createdAt: String
    ) {
        self.name = name
        self.recipeHash = recipeHash
        self.maxFrames = maxFrames
        self.mean = mean
        self.std = std
        self.clips = clips
        self.runID = runID
        self.createdAt = createdAt
    }
}

/// A recording an enrolment was computed from.
public struct EnrolledClip: Sendable, Equatable, Codable {
    /// As given on the command line.
    public var path: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// Feature frames the clip gave (before the cut to `maxFrames`).
    public var frames: Int

    public init(path: String, sha256: String, frames: Int) {
        self.path = path
        self.sha256 = sha256
        self.frames = frames
    }
}
