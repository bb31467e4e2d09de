public import Foundation
public import SERCore
public import SERExperiment
public import SERFeatures
public import SERModel

/// A trained classifier with everything needed to use it on new audio: the feature recipe,
/// the input normalisation, the engine configuration, the best weights and the class names.
///
/// Built from a run in the database (``load(store:runID:allowPartial:)``) or from an exported
/// ONNX file (``ModelFileReader``); both give the same predictions.
public struct TrainedModel {
    /// The run the weights come from (`nil` when unknown).
    public var runID: Int64?
    /// Output index → label.
    public var classes: [String]
    /// The feature recipe the run was trained on.
    public var featureConfig: FeatureConfig
    /// Input normalisation fitted on the run's training subset (`[dims]` mean and std).
    public var normalizer: Normalizer
    /// The engine's architecture (its training fields are irrelevant here).
    public var modelConfig: ModelConfig
    /// The best checkpoint's weights, named as `docs/WEIGHTS.md` lists them.
    public var tensors: [NamedTensor]
    /// SHA-256 of the dataset version the run was trained on.
    public var datasetHash: String?
    /// The epoch of the best checkpoint.
    public var epoch: Int
    /// Whether the run z-scored every speaker's features with that speaker's own statistics
    /// before ``normalizer`` (`--normalization speaker`): such a model needs several
    /// utterances of each new speaker, so only `ser evaluate` (whole datasets) accepts it.
    public var perSpeaker = false

    /// Class probabilities `[N, C]` of raw (un-normalised) feature matrices `[frames, dims]`:
    /// truncated to `maxFrames`, normalised, then run through the engine with dropout off, as
    /// the run's own test evaluation does. An ensemble passes one `engines` to all its
    /// members so those of one architecture share an engine.
    public func probabilities(_ raw: [Matrix], engines: PredictionEngines = PredictionEngines()) throws -> Matrix {
        let sequences = raw.map { normalizer.apply(PreparedData.truncate($0, to: modelConfig.maxFrames)) }
        return try engines.probabilities(of: self, sequences)
    }
}
