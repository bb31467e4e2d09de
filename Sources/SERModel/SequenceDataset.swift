public import SERCore

/// Clips to train or evaluate on: each a `Matrix [frames, dims]` (row-major), with an
/// optional integer class label per clip and, for distillation, optional soft targets.
public struct SequenceDataset: Sendable {
    /// One feature matrix `[frames, dims]` per clip; frames ≥ 1.
    public let sequences: [Matrix]
    /// One class index in `0..<classCount` per clip, or `nil` for unlabelled data.
    public let labels: [Int]?
    /// A teacher's class probabilities `[clips, classCount]`, row `i` for clip `i`, that a
    /// model with ``ModelConfig/distillation`` blends into its training targets; `nil` for none.
    public let targets: Matrix?

    /// A dataset.
    ///
    /// - Throws: ``ModelError`` `invalidInput` when `labels` or `targets` is given with
    ///   another clip count.
    public init(sequences: [Matrix], labels: [Int]?, targets: Matrix? = nil) throws(ModelError) {
        if let labels, labels.count != sequences.count {
            throw ModelError(.invalidInput, "\(labels.count) labels for \(sequences.count) sequences")
        }
        if let targets, targets.rows != sequences.count {
            throw ModelError(.invalidInput, "\(targets.rows) rows of soft targets for \(sequences.count) sequences")
        }
        self.sequences = sequences
        self.labels = labels
        self.targets = targets
    }

    /// Number of clips.
    public var count: Int { sequences.count }

    /// Checks the clips against a model: every clip has ≥ 1 frame and `inputDims` columns,
    /// every label is in range, every row of soft targets is `classCount` finite
    /// probabilities summing to 1 (within 1e-3); with `requireLabels`, labels must be
    /// present, and soft targets too when the model distils.
    ///
    /// - Throws: ``ModelError`` `invalidInput` naming the first bad clip.
    public func validate(for config: ModelConfig, requireLabels: Bool) throws(ModelError) {
        if requireLabels && labels == nil { throw ModelError(.invalidInput, "training needs labels") }
        if requireLabels && config.distillation != nil && targets == nil {
            throw ModelError(.invalidInput, "distillation needs the teacher's soft targets for every training clip")
        }
        if let targets {
            guard targets.columns == config.classCount else {
                throw ModelError(.invalidInput, "soft targets have \(targets.columns) classes, the model \(config.classCount)")
            }
            for i in 0..<targets.rows {
                let row = targets.row(i)
                guard row.allSatisfy({ $0.isFinite && $0 >= 0 }), abs(row.reduce(0, +) - 1) <= 1e-3 else {
                    throw ModelError(.invalidInput, "soft targets of sequence \(i) are not probabilities: \(row)")
                }
            }
        }
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
