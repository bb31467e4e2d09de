public import SERCore

/// Clips to train or evaluate on: each a `Matrix [frames, dims]` (row-major), with an
/// optional integer class label per clip.
public struct SequenceDataset: Sendable {
    /// One feature matrix `[frames, dims]` per clip; frames ≥ 1.
    public let sequences: [Matrix]
    /// One class index in `0..<classCount` per clip, or `nil` for unlabelled data.
    public let labels: [Int]?

    /// A dataset.
    ///
    /// - Throws: ``ModelError`` `invalidInput` when `labels` is given with a different count.
    public init(sequences: [Matrix], labels: [Int]?) throws(ModelError) {
        if let labels, labels.count != sequences.count {
            throw ModelError(.invalidInput, "\(labels.count) labels for \(sequences.count) sequences")
        }
        self.sequences = sequences
        self.labels = labels
    }

    /// Number of clips.
    public var count: Int { sequences.count }

    /// Checks the clips against a model: every clip has ≥ 1 frame and `inputDims` columns,
    /// every label is in range; with `requireLabels`, labels must be present.
    ///
    /// - Throws: ``ModelError`` `invalidInput` naming the first bad clip.
    public func validate(for config: ModelConfig, requireLabels: Bool) throws(ModelError) {
        if requireLabels && labels == nil { throw ModelError(.invalidInput, "training needs labels") }
        for (i, s) in sequences.enumerated() {
            guard s.rows >= 1 else { throw ModelError(.invalidInput, "sequence \(i) has no frames") }
            guard s.columns == config.inputDims else {
                throw ModelError(.invalidInput, "sequence \(i) has \(s.columns) dims, the model takes \(config.inputDims)")
            }
        }
        if let labels {
            for (i, y) in labels.enumerated() where !(0..<config.classCount).contains(y) {
                throw ModelError(.invalidInput, "label \(y) of sequence \(i) is outside 0..<\(config.classCount)")
            }
        }
    }
}
