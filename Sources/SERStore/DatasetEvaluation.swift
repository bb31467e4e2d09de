/// One `ser evaluate` result: a trained run (or the ensemble of a k-fold parent's fold
/// models) measured on a labelled dataset version; a row of table `evaluations`.
public struct DatasetEvaluation: Sendable, Equatable {
    /// Accuracy of one speaker's clips.
    public struct SpeakerScore: Sendable, Equatable, Codable {
        public var clips: Int
        public var accuracy: Double

        public init(clips: Int, accuracy: Double) {
            self.clips = clips
            self.accuracy = accuracy
        }
    }

    /// `evaluations.id` once recorded.
    public var id: Int64?
    public var runID: Int64
    public var datasetVersionID: Int64
    /// Models whose probabilities were averaged (1 for a single run).
    public var models: Int
    /// Clips evaluated.
    public var clips: Int
    /// Clips left out because the run has no class for their label, or (with enrolment)
    /// because their speaker has too few clips to enrol and score.
    public var skippedClips: Int
    /// Clips per speaker whose statistics normalised that speaker (not scored); `nil` when
    /// every clip of the speaker did (per-speaker runs) or none was needed.
    public var enrollClips: Int?
    /// The seed that chose the enrolment clips.
    public var enrollSeed: Int?
    public var accuracy: Double
    public var macroF1: Double
    public var uar: Double
    public var perClass: [EvaluationRecord.ClassMetric]
    /// Class labels in output order; `confusion[true][predicted]`.
    public var labels: [String]
    public var confusion: [[Int]]
    /// Speaker → score (clips without a speaker under `"?"`).
    public var perSpeaker: [String: SpeakerScore]

    public init(
        id: Int64? = nil, runID: Int64, datasetVersionID: Int64, models: Int, clips: Int, skippedClips: Int,
        enrollClips: Int? = nil, enrollSeed: Int? = nil, accuracy: Double,
        macroF1: Double, uar: Double, perClass: [EvaluationRecord.ClassMetric], labels: [String], confusion: [[Int]],
        perSpeaker: [String: SpeakerScore]
    ) {
        self.id = id
        self.runID = runID
        self.datasetVersionID = datasetVersionID
        self.models = models
        self.clips = clips
        self.skippedClips = skippedClips
        self.enrollClips = enrollClips
        self.enrollSeed = enrollSeed
        self.accuracy = accuracy
        self.macroF1 = macroF1
        self.uar = uar
        self.perClass = perClass
        self.labels = labels
        self.confusion = confusion
        self.perSpeaker = perSpeaker
    }
}
