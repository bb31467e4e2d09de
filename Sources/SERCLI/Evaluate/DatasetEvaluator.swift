import Foundation
import SERCore
import SERModel
import SERStore

/// Measures a trained run on a labelled dataset version: the run's own recipe and
/// normalisation, its best weights (or, for a k-fold parent, every fold's best weights with
/// their class probabilities averaged), and accuracy, macro-F1, UAR, per-class scores, the
/// confusion matrix and per-speaker accuracy.
///
/// A `--normalization speaker` run is evaluated as it was tested: each speaker of the
/// dataset is z-scored with the statistics of all that speaker's clips (no labels used),
/// then the run's recorded global z-score applies.
struct DatasetEvaluator {
    let store: Store
    let quiet: Bool

    /// The models of `runID`: itself, or the finished folds of a k-fold parent.
    func models(of runID: Int64) throws -> [TrainedModel] {
        guard let header = try store.runHeader(runID) else {
            throw ModelUseError(run: runID, "there is no run \(runID) in \(store.path) (see `ser runs`)")
        }
        switch header.kind {
        case "kfold":
            let folds = try store.childRuns(of: runID).filter { $0.status == "finished" }
            guard !folds.isEmpty else { throw ModelUseError(run: runID, "is a k-fold parent with no finished fold") }
            let models = try folds.map { try TrainedModel.load(store: store, runID: $0.id, allowPartial: false, allowPerSpeaker: true) }
            guard let first = models.first,
                models.allSatisfy({ $0.classes == first.classes && $0.featureConfig == first.featureConfig && $0.perSpeaker == first.perSpeaker })
            else {
                throw ModelUseError(run: runID, "its folds differ in classes or feature recipe; evaluate one fold at a time")
            }
            return models
        case "sweep":
            throw ModelUseError(run: runID, "is a sweep parent; evaluate one of its trials (`ser show \(runID)`)")
        default:
            return [try TrainedModel.load(store: store, runID: runID, allowPartial: false, allowPerSpeaker: true)]
        }
    }

    /// Evaluates `models` (all of run `runID`) on `datasetSpec` (`NAME` or `NAME@VERSION`).
    ///
    /// - Throws: ``ModelUseError``/``RunFailure`` naming the dataset or run: unknown dataset,
    ///   moved audio, features that cannot be computed, no clip with a label the run knows.
    func evaluate(runID: Int64, models: [TrainedModel], datasetSpec: String) throws -> DatasetEvaluation {
        guard let reference = models.first else { throw ModelUseError(run: runID, "has no model") }
        let settingsRun = reference.runID ?? runID
        guard let header = try store.runHeader(settingsRun) else { throw ModelUseError(run: settingsRun, "is not in \(store.path)") }
        var wanted: RunSettings
        do {
            wanted = try JSONDecoder().decode(RunSettings.self, from: Data(header.config.utf8))
        } catch {
            throw ModelUseError(run: settingsRun, "its stored settings cannot be read: \(error)")
        }
        wanted.dataset = datasetSpec
        let prepared = try DataPreparer.prepare(store: store, settings: wanted, quiet: quiet, shouldStop: { InterruptFlag.isRaised }, allowSingleLabel: true)
        guard prepared.dims == reference.featureConfig.dims else {
            throw RunFailure("dataset \(datasetSpec): features have \(prepared.dims) dims, the run's model expects \(reference.featureConfig.dims)")
        }
        let data = prepared.normalizedPerSpeaker(if: reference.perSpeaker, maxFrames: reference.modelConfig.maxFrames)
        var used: [(id: Int64, label: Int, speaker: String)] = []
        var skipped = 0
        for clip in data.clips {
            guard let id = clip.id, data.features[id] != nil else { continue }
            guard let label = reference.classes.firstIndex(of: clip.label) else {
                skipped += 1
                continue
            }
            used.append((id, label, clip.speaker ?? "?"))
        }
        guard !used.isEmpty else {
            throw RunFailure(
                "dataset \(datasetSpec) has no clip labelled with one of the run's classes (\(reference.classes.joined(separator: ", ")))")
        }
        let raw = used.compactMap { data.features[$0.id] }
        var mean = [Double](repeating: 0, count: used.count * reference.classes.count)
        for model in models {
            let p = try model.probabilities(raw)
            for (i, v) in p.values.enumerated() { mean[i] += Double(v) / Double(models.count) }
        }
        let classCount = reference.classes.count
        let predictions = (0..<used.count).map { i in
            let row = mean[(i * classCount)..<((i + 1) * classCount)]
            return row.indices.max { row[$0] < row[$1] }.map { $0 - i * classCount } ?? 0
        }
        let metrics = try ClassificationMetrics(labels: used.map(\.label), predictions: predictions, classCount: classCount)
        var bySpeaker: [String: (clips: Int, correct: Int)] = [:]
        for (clip, predicted) in zip(used, predictions) {
            bySpeaker[clip.speaker, default: (0, 0)].clips += 1
            if predicted == clip.label { bySpeaker[clip.speaker, default: (0, 0)].correct += 1 }
        }
        let support = metrics.confusion.map { $0.reduce(0, +) }
        return DatasetEvaluation(
            runID: runID, datasetVersionID: data.version.id ?? -1, models: models.count, clips: used.count, skippedClips: skipped,
            accuracy: metrics.accuracy, macroF1: metrics.macroF1, uar: metrics.unweightedAverageRecall,
            perClass: reference.classes.indices.map {
                EvaluationRecord.ClassMetric(
                    label: reference.classes[$0], precision: metrics.precision[$0], recall: metrics.recall[$0], f1: metrics.f1[$0],
                    support: support[$0])
            },
            labels: reference.classes, confusion: metrics.confusion,
            perSpeaker: bySpeaker.mapValues { DatasetEvaluation.SpeakerScore(clips: $0.clips, accuracy: Double($0.correct) / Double($0.clips)) })
    }
}
