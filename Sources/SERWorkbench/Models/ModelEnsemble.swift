public import SERCore
import SERExperiment
import SERStore

/// The models that classify for one run, their class probabilities averaged: a training run's
/// best checkpoint alone, the finished folds of a k-fold parent, or every member's models of
/// an ensemble (`ser ensemble`, `ser run --seeds`). Members may differ in feature recipe and
/// normalisation (each file is featurised once per recipe), not in classes.
public struct ModelEnsemble {
    /// The run the predictions belong to (the ensemble or parent run; `nil` for a model file).
    public let runID: Int64?
    /// The models averaged, at least one.
    public let members: [TrainedModel]
    /// Output labels, in probability order (every member's).
    public let classes: [String]

    /// - Throws: ``ModelUseError`` naming `runID` when `members` is empty or their classes differ.
    public init(runID: Int64?, members: [TrainedModel]) throws {
        guard let first = members.first else { throw Self.refusal(runID, "has no model to classify with") }
        guard members.allSatisfy({ $0.classes == first.classes }) else {
            throw Self.refusal(runID, "its models differ in classes; use them one at a time")
        }
        self.runID = runID
        self.members = members
        self.classes = first.classes
    }

    /// One model alone (its probabilities unchanged by the averaging).
    public init(_ model: TrainedModel) {
        runID = model.runID
        members = [model]
        classes = model.classes
    }

    /// Classifies each audio file alone by the members' mean class probabilities: a file that
    /// cannot be read or featurised (for any member's recipe), or whose output is not finite,
    /// is listed in ``PredictionBatch/failures`` and the others are still classified.
    ///
    /// - Parameter enrollment: recordings of the one speaker all `paths` come from (no labels
    ///   needed). Members trained with per-speaker normalisation z-score every file with the
    ///   statistics of these clips' frames (up to each member's `maxFrames`), as their test
    ///   speakers were; the others ignore them. Required when a member is per-speaker.
    /// - Throws: ``ModelUseError`` naming an enrolment file that cannot be featurised, or the
    ///   run when a per-speaker member gets no enrolment.
    public func classify(
        _ paths: [String], enrollment: [String] = [], cancellation: CancellationToken = CancellationToken()
    ) throws -> PredictionBatch {
        let speaker =
            enrollment.isEmpty || !members.contains(where: \.perSpeaker) ? nil : try enroll(enrollment, cancellation: cancellation)
        return try classify(paths, speaker: speaker, cancellation: cancellation)
    }

    /// Classifies as ``classify(_:enrollment:cancellation:)`` does, with a speaker enrolled
    /// before (``enroll(_:cancellation:)``, or stored by `ser enroll`).
    /// - Throws: ``ModelUseError`` naming the run when a per-speaker member finds no
    ///   statistics for its recipe and frame limit in `speaker`.
    public func classify(
        _ paths: [String], speaker: SpeakerEnrollment?, cancellation: CancellationToken = CancellationToken()
    ) throws -> PredictionBatch {
        var speakerStatistics: [String: [Int: Normalizer]] = [:]
        for model in members where model.perSpeaker {
            guard let speaker else {
                throw Self.refusal(
                    runID,
                    "was trained with per-speaker normalisation: give a few recordings of the speaker to enrol them (--enroll FILE...)")
            }
            guard let statistics = speaker.statistics[model.featureConfig.hash]?[model.modelConfig.maxFrames] else {
                throw Self.refusal(
                    runID,
                    "speaker \(speaker.name ?? "given") is enrolled for other features or frame limits than this run's models use; "
                        + "enrol them for it: ser enroll \(speaker.name ?? "NAME") CLIPS... --run \(runID.map(String.init) ?? "RUN")")
            }
            speakerStatistics[model.featureConfig.hash, default: [:]][model.modelConfig.maxFrames] = statistics
        }
        var failed: [String: String] = [:]
        var hashes: [String: String] = [:]
        var frames: [String: Int] = [:]
        // Features per recipe, each file featurised once per distinct recipe.
        var byRecipe: [String: [String: Matrix]] = [:]
        for model in members where byRecipe[model.featureConfig.hash] == nil {
            let featurizer = try AudioFeaturizer(config: model.featureConfig)
            var matrices: [String: Matrix] = [:]
            for path in paths where failed[path] == nil && !cancellation.isCancelled {
                do {
                    let features = try featurizer.features(path: path)
                    matrices[path] = features.matrix
                    hashes[path] = features.contentHash
                    frames[path] = frames[path] ?? features.matrix.rows
                } catch let error as ModelUseError {
                    failed[path] = error.reason
                }
            }
            byRecipe[model.featureConfig.hash] = matrices
        }
        // Featurised for every recipe (a cancelled pass leaves some files without).
        let usable = paths.filter { path in failed[path] == nil && byRecipe.values.allSatisfy { $0[path] != nil } }
        var mean = [Double](repeating: 0, count: usable.count * classes.count)
        if !usable.isEmpty {
            let engines = PredictionEngines()
            for model in members {
                let recipe = byRecipe[model.featureConfig.hash] ?? [:]
                var raw = usable.compactMap { recipe[$0] }
                if model.perSpeaker, let statistics = speakerStatistics[model.featureConfig.hash]?[model.modelConfig.maxFrames] {
                    raw = raw.map(statistics.apply)
                }
                let p = try model.probabilities(raw, engines: engines)
                for (i, v) in p.values.enumerated() { mean[i] += Double(v) / Double(members.count) }
            }
        }
        var results: [PredictionResult] = []
        for (i, path) in usable.enumerated() {
            let p = mean[(i * classes.count)..<((i + 1) * classes.count)]
            if let bad = p.first(where: { !$0.isFinite }) {
                failed[path] = "the model's output is not finite (\(bad)); no label is given"
                continue
            }
            var best = p.startIndex
            for c in p.indices where p[c] > p[best] { best = c }
            results.append(
                PredictionResult(
                    path: path, predicted: classes[best - p.startIndex],
                    probabilities: Dictionary(uniqueKeysWithValues: zip(classes, p)), frames: frames[path] ?? 0))
        }
        let failures = paths.compactMap { path in failed[path].map { PredictionFailure(path: path, reason: $0) } }
        return PredictionBatch(results: results, failures: failures, hashes: hashes.filter { failed[$0.key] == nil })
    }

    /// Enrols a speaker from a few unlabelled recordings of theirs: for each recipe and
    /// `maxFrames` of a per-speaker member, the global z-score of the clips' frames (each clip
    /// cut to `maxFrames` first, as in training). Empty statistics when no member is
    /// per-speaker.
    /// - Throws: ``ModelUseError`` naming a clip that cannot be featurised, or the run when
    ///   `paths` is empty; ``WorkbenchError`` `.cancelled`.
    public func enroll(_ paths: [String], name: String? = nil, cancellation: CancellationToken = CancellationToken()) throws
        -> SpeakerEnrollment
    {
        var enrollment = SpeakerEnrollment(name: name, statistics: [:], clips: [])
        let perSpeaker = members.filter(\.perSpeaker)
        guard !perSpeaker.isEmpty else { return enrollment }
        guard !paths.isEmpty else {
            throw Self.refusal(runID, "was trained with per-speaker normalisation: enrolling a speaker needs a few recordings of them")
        }
        for model in perSpeaker where enrollment.statistics[model.featureConfig.hash]?[model.modelConfig.maxFrames] == nil {
            let featurizer = try AudioFeaturizer(config: model.featureConfig)
            var matrices: [Matrix] = []
            var clips: [EnrolledClip] = []
            for path in paths where !cancellation.isCancelled {
                do {
                    let features = try featurizer.features(path: path)
                    clips.append(EnrolledClip(path: path, sha256: features.contentHash, frames: features.matrix.rows))
                    matrices.append(PreparedData.truncate(features.matrix, to: model.modelConfig.maxFrames))
                } catch let error as ModelUseError {
                    throw ModelUseError(path: path, "cannot enrol the speaker: \(error.reason)")
                }
            }
            if cancellation.isCancelled {
                throw WorkbenchError(.cancelled, "interrupted while enrolling the speaker; nothing was classified")
            }
            if enrollment.clips.isEmpty { enrollment.clips = clips }
            enrollment.statistics[model.featureConfig.hash, default: [:]][model.modelConfig.maxFrames] = Normalizer.fit(
                matrices, method: .global)
        }
        return enrollment
    }

    /// A ``ModelUseError`` naming run `runID`, or `model` for a file's models.
    static func refusal(_ runID: Int64?, _ reason: String) -> ModelUseError {
        runID.map { ModelUseError(run: $0, reason) } ?? ModelUseError(path: "model", reason)
    }
}
