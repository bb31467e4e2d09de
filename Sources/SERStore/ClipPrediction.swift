/// One clip a run was evaluated on: its true label, the predicted one, its speaker and the
/// class probabilities (in the order of the run's classes).
public struct ClipPrediction: Sendable, Codable, Equatable {
    /// The clip's id (the key of its audio).
    public var clipID: Int64
    /// Path relative to the corpus root.
    public var relativePath: String
    /// The clip's label.
    public var trueLabel: String
    /// The run's prediction.
    public var predicted: String
    /// The speaker, when the corpus names one.
    public var speaker: String?
    /// Length in seconds.
    public var duration: Double
    /// Probabilities per class, summing to 1.
    public var probabilities: [Double]

    /// Creates a prediction row.
    public init(
        clipID: Int64, relativePath: String, trueLabel: String, predicted: String, speaker: String?, duration: Double,
        probabilities: [Double]
    ) {
        self.clipID = clipID
        self.relativePath = relativePath
        self.trueLabel = trueLabel
        self.predicted = predicted
        self.speaker = speaker
        self.duration = duration
        self.probabilities = probabilities
    }
}
