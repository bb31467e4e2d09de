import Foundation
import SERCore
import SERExperiment
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
    let workbench: Workbench
    var store: Store { workbench.store }

    /// The models of `runID`: itself, the finished folds of a k-fold parent, or every
    /// member's models of an ensemble. They may differ in feature recipe and normalisation
    /// (``evaluate(runID:models:datasetSpec:)`` prepares the data for each), not in classes.
    ///
    /// - Parameters:
    ///   - allowPerSpeaker: accept `--normalization speaker` models (evaluation z-scores each
    ///     speaker of the dataset itself; prediction cannot).
    ///   - allowPartial: accept a training run that did not finish (its best checkpoint so far).
    func models(of runID: Int64, allowPerSpeaker: Bool = true, allowPartial: Bool = false) throws -> [TrainedModel] {
        guard let header = try store.runHeader(runID) else {
            throw ModelUseError(run: runID, "there is no run \(runID) in \(store.path) (see `ser runs`)")
        }
        let models: [TrainedModel]
        if let members = EnsembleBuilder.members(ofConfig: header.config) {
            models = try members.flatMap { try self.models(of: $0, allowPerSpeaker: allowPerSpeaker) }
        } else if header.kind == .kfold {
            let folds = try store.childRuns(of: runID).filter { $0.status == .finished }
            guard !folds.isEmpty else { throw ModelUseError(run: runID, "is a k-fold parent with no finished fold") }
            models = try folds.map {
                try TrainedModel.load(store: store, runID: $0.id, allowPartial: false, allowPerSpeaker: allowPerSpeaker)
            }
        } else if header.kind == .sweep {
            throw ModelUseError(run: runID, "is a sweep parent; use one of its trials (`ser show \(runID)`)")
        } else {
            models = [
                try TrainedModel.load(store: store, runID: runID, allowPartial: allowPartial, allowPerSpeaker: allowPerSpeaker)
            ]
        }
        guard let first = models.first, models.allSatisfy({ $0.classes == first.classes }) else {
            throw ModelUseError(run: runID, "its models differ in classes; evaluate them one at a time")
        }
        return models
    }

    /// Evaluates `models` (all of run `runID`) on `datasetSpec` (`NAME` or `NAME@VERSION`).
    /// Models with different feature recipes or normalisations (members of an ensemble) each
    /// get the dataset prepared their way; their probabilities are averaged per clip.
    ///
    /// - Throws: ``ModelUseError``/``WorkbenchError`` naming the dataset or run: unknown dataset,
    ///   moved audio, features that cannot be computed, no clip with a label the run knows.
    ///
    /// - Parameter enrollment: for per-speaker models, enrol each speaker with this many of
    ///   their clips (chosen by ``Enrollment/choose(_:count:seed:)`` with `seed`) instead of
    ///   all of them; the enrolment clips are not scored, nor are speakers with no more clips
    ///   than that (counted in `skippedClips`). `nil`: every clip, as the run was tested.
    func evaluate(
        runID: Int64, models: [TrainedModel], datasetSpec: String, enrollment: (clips: Int, seed: Int)? = nil
    ) throws -> DatasetEvaluation {
        guard let reference = models.first else { throw ModelUseError(run: runID, "has no model") }
        if enrollment != nil && !models.contains(where: \.perSpeaker) {
            throw ModelUseError(
                run: runID,
                "was not trained with per-speaker normalisation: it normalises with its training set's statistics, so there is no speaker to enrol"
            )
        }
        var enrolled: [String: [Int64]]?
        let classCount = reference.classes.count
        let groups = Dictionary(grouping: models) { m in "\(m.featureConfig.hash) \(m.perSpeaker) \(m.modelConfig.maxFrames)" }
        var used: [(id: Int64, label: Int, speaker: String)]?
        var skipped = 0
        var versionID: Int64 = -1
        var mean: [Double] = []
        for key in groups.keys.sorted() {
            guard let group = groups[key], let first = group.first else { continue }
            let settingsRun = first.runID ?? runID
            guard let header = try store.runHeader(settingsRun) else { throw ModelUseError(run: settingsRun, "is not in \(store.path)") }
            var wanted = try RunSettings.stored(header)
            wanted.dataset = datasetSpec
            wanted.speedPerturb = []  // training-time copies; evaluation uses the clips as recorded
            let prepared = try DataPreparer.prepare(workbench, settings: wanted, allowSingleLabel: true)
            guard prepared.dims == first.featureConfig.dims else {
                throw WorkbenchError(
                    .unusableData,
                    "dataset \(datasetSpec): features have \(prepared.dims) dims, run \(settingsRun)'s model expects \(first.featureConfig.dims)"
                )
            }
            if let enrollment, enrolled == nil {
                let chosen = Enrollment.choose(prepared.clipsBySpeaker, count: enrollment.clips, seed: enrollment.seed)
                guard !chosen.isEmpty else {
                    throw WorkbenchError(
                        .unusableData, "dataset \(datasetSpec): no speaker has more than \(enrollment.clips) clips to enrol with and score")
                }
                enrolled = chosen
            }
            let data = prepared.normalizedPerSpeaker(if: first.perSpeaker, maxFrames: first.modelConfig.maxFrames, enrolled: enrolled)
            versionID = data.version.id ?? -1
            if used == nil {
                var clips: [(id: Int64, label: Int, speaker: String)] = []
                let enrolmentClips = Set((enrolled ?? [:]).values.flatMap { $0 })
                for clip in data.clips {
                    guard let id = clip.id, data.features[id] != nil, !enrolmentClips.contains(id) else { continue }
                    if let enrolled, enrolled[clip.speaker ?? ""] == nil {
                        skipped += 1  // a speaker too small to enrol and score
                        continue
                    }
                    guard let label = reference.classes.firstIndex(of: clip.label) else {
                        skipped += 1
                        continue
                    }
                    clips.append((id, label, clip.speaker ?? "?"))
                }
                guard !clips.isEmpty else {
                    throw WorkbenchError(
                        .unusableData,
                        "dataset \(datasetSpec) has no clip labelled with one of the run's classes (\(reference.classes.joined(separator: ", ")))"
                    )
                }
                used = clips
                mean = [Double](repeating: 0, count: clips.count * classCount)
            }
            let raw = (used ?? []).compactMap { data.features[$0.id] }
            guard raw.count == used?.count else {
                throw WorkbenchError(.unusableData, "dataset \(datasetSpec): features missing for some clips")
            }
            let engines = PredictionEngines()
            for model in group {
                let p = try model.probabilities(raw, engines: engines)
                for (i, v) in p.values.enumerated() { mean[i] += Double(v) / Double(models.count) }
            }
        }
        guard let used else { throw ModelUseError(run: runID, "has no model") }
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
        return DatasetEvaluation(
            runID: runID, datasetVersionID: versionID, models: models.count, clips: used.count, skippedClips: skipped,
            enrollClips: enrollment?.clips, enrollSeed: enrollment?.seed,
            accuracy: metrics.accuracy, macroF1: metrics.macroF1, uar: metrics.unweightedAverageRecall,
            perClass: metrics.classRecords(labels: reference.classes),
            labels: reference.classes, confusion: metrics.confusion,
            perSpeaker: bySpeaker.mapValues {
                DatasetEvaluation.SpeakerScore(clips: $0.clips, accuracy: Double($0.correct) / Double($0.clips))
            })
    }
}
