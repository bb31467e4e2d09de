import SERCore
import SERModel

/// Engines for prediction, built once per forward-pass architecture and clip count and
/// reused across an ensemble's members: each member loads its weights into the engine of its
/// architecture (``TrainedModel/probabilities(_:engines:)``; `setWeights` replaces every
/// weight). The members of a seed ensemble, or of ensembles of recipes that differ only in
/// their columns, share few architectures, so a 66-model ensemble builds a handful of
/// engines instead of 66. Not thread-safe: one per prediction pass.
public final class PredictionEngines {
    private var engines: [ModelConfig: Trainer] = [:]

    public init() {}

    /// Class probabilities `[N, C]` of normalised `sequences` under `model`'s weights.
    func probabilities(of model: TrainedModel, _ sequences: [Matrix]) throws -> Matrix {
        let config = model.modelConfig.forwardPass.sized(toClips: sequences.count)
        let engine: Trainer
        if let built = engines[config] {
            try built.setWeights(model.tensors)
            engine = built
        } else {
            engine = try Trainer.loaded(model.tensors, config: config, clips: sequences.count)
            engines[config] = engine
        }
        return try engine.evaluate(try SequenceDataset(sequences: sequences, labels: nil)).probabilities
    }
}
