import Foundation
import SERCore
import SERExperiment
import SERFeatures
import SERModel
public import SERStore

extension TrainedModel {
    /// The best checkpoint of run `runID` with its recipe and normalisation.
    ///
    /// - Parameter allowPartial: accept a run that is not `finished` (it still needs a best
    ///   checkpoint).
    /// - Throws: ``ModelUseError`` naming the run and the reason: unknown run, not finished,
    ///   a k-fold/sweep parent, no checkpoint, no normalisation, unreadable settings.
    /// - Parameter allowPerSpeaker: accept a `--normalization speaker` run (its
    ///   ``TrainedModel/perSpeaker`` is set; the caller z-scores each speaker's clips first).
    public static func load(store: Store, runID: Int64, allowPartial: Bool, allowPerSpeaker: Bool = false) throws -> TrainedModel {
        guard let header = try store.runHeader(runID) else {
            throw ModelUseError(run: runID, "there is no run \(runID) in \(store.path) (see `ser runs`)")
        }
        if header.kind.isParent {
            throw ModelUseError(
                run: runID, "is a \(header.kind.rawValue) parent without its own model; use one of its child runs (`ser show \(runID)`)")
        }
        if header.status != .finished && !allowPartial {
            throw ModelUseError(
                run: runID,
                "is \(header.status.rawValue), not finished; its best checkpoint may not be final (pass --allow-partial to use it anyway)")
        }
        guard let best = try store.checkpoint(runID, kind: .best) else {
            throw ModelUseError(run: runID, "has no best checkpoint yet (no epoch finished)")
        }
        let perSpeaker = try store.normalization(runID)?.method == PreparedData.speakerMethod
        if perSpeaker && !allowPerSpeaker {
            throw ModelUseError(
                run: runID,
                "was trained on per-speaker normalised features: using it needs a few recordings of each new speaker to enrol them (`ser predict FILE... --run \(runID) --enroll CLIP...`; `ser evaluate \(runID) --dataset D --enroll-clips N` measures it); it exports to ONNX only (the graph takes the speaker's statistics as inputs)"
            )
        }
        // A per-speaker run records the global z-score fitted on top of the per-speaker step.
        guard let stats = try store.normalization(runID),
            let method = perSpeaker
                ? Normalizer.Method.global
                : (NormalizationChoice.named(stats.method).map { RunSettings.normalizerMethod(of: $0) }
                    ?? Normalizer.Method(rawValue: stats.method))
        else {
            throw ModelUseError(run: runID, "has no input normalisation recorded")
        }
        let settings: RunSettings
        do {
            settings = try RunSettings.stored(header)
        } catch {
            throw ModelUseError(run: runID, "\(error)")
        }
        let inputs = try store.runInputs(runID)
        var featureConfig = try FeatureSpec.config(settings.features, sampleRate: settings.sampleRate)
        if let params = inputs.featureParams, let stored = try? JSONDecoder().decode(FeatureConfig.self, from: Data(params.utf8)) {
            featureConfig = stored
        }
        let modelConfig = settings.modelConfig(inputDims: stats.mean.count, classCount: best.classes.count, classWeights: nil)
        return TrainedModel(
            runID: runID, classes: best.classes, featureConfig: featureConfig,
            normalizer: Normalizer(method: method, mean: stats.mean, std: stats.std), modelConfig: modelConfig,
            tensors: best.tensors, datasetHash: inputs.datasetHash, epoch: best.epoch, perSpeaker: perSpeaker)
    }
}
