import Foundation
import SERCore
import SERExperiment
import SERStore

/// Everything a training run needs around the training loop: preparing data, refusing bad
/// input before anything is written, creating runs (k-fold parents with their folds),
/// resuming and reproducing.
struct RunOrchestrator {
    let workbench: Workbench
    var store: Store { workbench.store }

    /// The resolved settings a recorded run used.
    func settings(of runID: Int64) throws -> RunSettings {
        guard let header = try store.runHeader(runID) else {
            throw WorkbenchError(.notFound, "no run \(runID) in \(store.path)")
        }
        return try RunSettings.stored(header)
    }

    /// Starts a new run (or a k-fold parent with its folds).
    func start(_ requested: RunSettings, _ request: TrainingRequest) throws -> TrainingOutcome {
        var settings = requested
        let data = try prepare(settings)
        // Pin the dataset version, so resume and reproduce use exactly these clips.
        settings.dataset = "\(data.dataset.name)@\(data.version.hash.prefix(12))"
        let plan = settings.splitPlan()
        workbench.observer.handle(.expectedEpochs(settings.modelsPerRun * settings.epochs))
        func newRun(_ kind: RunKind, parent: Int64?, name: String?) throws -> NewRun {
            var run = try record(kind, parent: parent, name: name, settings: settings, data: data, request: request)
            if kind != .fold { run.uuid = request.uuid }
            return run
        }
        if case .kfold = plan {
            let folds = try foldSplits(settings, data: data)  // refused before anything is written
            let targets = try teacherTargets(settings, splits: folds, data: data)
            let parent = try store.createRun(try newRun(.kfold, parent: request.parent, name: request.name))
            return try trainFolds(
                parent, folds: folds, targets: targets, existing: [], settings: settings, data: data, reproduces: request.reproduces,
                newFold: { i in
                    try store.createRun(try newRun(.fold, parent: parent, name: "\(request.name ?? "run \(parent)") fold \(i + 1)"))
                })
        }
        // Refused before anything is written.
        let split = try Self.splitting { try Self.splitter(settings).split(data.clipRefs, plan: plan) }
        let targets = try teacherTargets(settings, splits: [split], data: data)?.first
        let runID = try store.createRun(try newRun(request.kind, parent: request.parent, name: request.name))
        let result = try execute(runID, settings: settings, data: data, split: split, targets: targets, resume: false)
        return try outcome(runID, status: result.status, test: result.test, epochs: result, reproduces: request.reproduces, folds: 0)
    }

    /// The data of `settings`, features computed, per-speaker normalised when asked.
    private func prepare(_ settings: RunSettings) throws -> PreparedData {
        try DataPreparer.prepare(workbench, settings: settings)
            .normalizedPerSpeaker(if: settings.normalization == .speaker, maxFrames: settings.maxFrames)
    }

    /// The `--teacher` probabilities of each split's training clips (``TeacherTargets``), one
    /// ``SoftTargets`` per split; `nil` without a teacher.
    private func teacherTargets(_ settings: RunSettings, splits: [Split], data: PreparedData) throws -> [SoftTargets]? {
        guard let teacher = settings.teacher else { return nil }
        let targets = try TeacherTargets(workbench: workbench).probabilities(
            teacher: Int64(teacher), splits: splits, data: data, temperature: settings.distillTemperature,
            copies: settings.distillCopies == .teacher ? settings.speedPerturb : [])
        let seen = TeacherTargets.summary(targets, data: data)
        workbench.observer.handle(
            .message(
                "teacher run \(teacher) on \(splits.count == 1 ? "the" : "\(splits.count) splits'") training clips: "
                    + String(format: "accuracy %.1f %%, mean probability of the label %.3f", 100 * seen.accuracy, seen.labelProbability)
                    + " (temperature \(settings.distillTemperature)); weight \(settings.distill)"
                    + (targets.first?.copies.isEmpty == false ? "; the speed-perturbed copies taught as the teacher hears them" : "")))
        return targets
    }

    /// `body`, with a split the data cannot make reported as the setting at fault.
    private static func splitting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SplitError {
            throw WorkbenchError.setting(error.key, error.reason)
        }
    }

    /// The splitter the settings ask for (its seed: `splitSeed`, else `seed`).
    private static func splitter(_ settings: RunSettings) -> Splitter {
        Splitter(validationFraction: settings.validationFraction, seed: UInt64(truncatingIfNeeded: settings.splitSeed ?? settings.seed))
    }

    /// The row of a new run (a plain run, k-fold parent or fold) trained with `settings` on
    /// `data`.
    private func record(
        _ kind: RunKind, parent: Int64?, name: String?, settings: RunSettings, data: PreparedData, request: TrainingRequest
    ) throws -> NewRun {
        NewRun(
            name: name, kind: kind, parentID: parent, datasetVersionID: data.version.id, featureConfigID: data.featureConfigID,
            split: settings.split.description, seed: Int64(settings.seed), config: try settings.json(),
            commandLine: workbench.invocation.commandLine, tags: request.tags, note: request.note,
            hyperparameters: try settings.flattened(),
            provenance: ProvenanceCollector.collect(datasetHash: data.version.hash, featureConfigHash: data.featureConfigHash),
            reproducesRunID: request.reproduces)
    }

    /// The folds of a k-fold plan, as the splitter draws them from the settings' seeds (the
    /// same on every call for the same pinned dataset version).
    private func foldSplits(_ settings: RunSettings, data: PreparedData) throws -> [Split] {
        guard case .kfold(let k) = settings.split else { return [] }
        return try Self.splitting { try Self.splitter(settings).folds(data.clipRefs, k: k) }
    }

    /// Trains a k-fold parent's folds in order — resuming an unfinished existing fold,
    /// skipping finished ones, creating the missing ones with `newFold(i)` — and records the
    /// parent's mean ± std over its folds. Stops at the first fold that does not finish.
    private func trainFolds(
        _ parent: Int64, folds: [Split], targets: [SoftTargets]?, existing: [RunSummaryRow], settings: RunSettings,
        data: PreparedData, reproduces: Int64?, newFold: (Int) throws -> Int64
    ) throws -> TrainingOutcome {
        try store.markRunning(parent, pid: getpid())
        let heartbeat = Heartbeat(store: store, runID: parent)
        defer { heartbeat.stop() }
        var finished = 0
        for (i, split) in folds.enumerated() {
            if i < existing.count && existing[i].status == .finished {
                finished += 1
                continue
            }
            workbench.observer.handle(.fold(parent: parent, index: i, count: folds.count))
            let result: RunExecutor.Result
            if i < existing.count {
                let child = existing[i].id
                let resumable = try store.checkpointEpoch(child, kind: .last) != nil
                result = try execute(
                    child, settings: settings, data: data, split: resumable ? try recordedSplit(child) : split, targets: targets?[i],
                    resume: resumable)
            } else {
                result = try execute(try newFold(i), settings: settings, data: data, split: split, targets: targets?[i], resume: false)
            }
            if result.status != .finished {
                try store.refreshParent(parent)
                try store.endRun(
                    parent, status: result.status,
                    error: "fold \(i + 1) was \(result.status.rawValue); resume with `ser run --resume \(parent)`")
                return try outcome(parent, status: result.status, test: nil, epochs: nil, reproduces: reproduces, folds: finished)
            }
            finished += 1
        }
        try store.refreshParent(parent)
        try store.endRun(parent, status: .finished)
        return try outcome(parent, status: .finished, test: nil, epochs: nil, reproduces: reproduces, folds: finished)
    }

    /// The clip ids a run recorded for each subset.
    private func recordedSplit(_ runID: Int64) throws -> Split {
        Split(
            train: try store.splitClips(runID, subset: "train"), validation: try store.splitClips(runID, subset: "val"),
            test: try store.splitClips(runID, subset: "test"))
    }

    /// Continues an interrupted (or dead, or failed) run from its last committed epoch; a
    /// k-fold parent continues its unfinished fold, trains the folds never started and
    /// records its mean ± std.
    func resume(_ runID: Int64) throws -> TrainingOutcome {
        guard let header = try store.runHeader(runID) else { throw WorkbenchError(.notFound, "no run \(runID) in \(store.path)") }
        var status = header.status
        if status == .running, try store.runProcessIsGone(runID) { status = .dead }
        guard status.isResumable else {
            throw WorkbenchError(
                .wrongState,
                status == .running
                    ? "run \(runID) is running (its process is alive, or on another machine with a heartbeat under 60 s old); only interrupted, failed or dead runs can be resumed"
                    : "run \(runID) is \(status.rawValue); only interrupted, failed or dead runs can be resumed")
        }
        switch header.kind {
        case .kfold: return try resumeFolds(runID)
        case .sweep: throw WorkbenchError(.wrongState, "run \(runID) is a sweep parent; resume its unfinished children instead")
        case .train, .fold, .trial: break
        }
        let settings = try settings(of: runID)
        let data = try prepare(settings)
        workbench.observer.handle(.expectedEpochs(settings.epochs - (try store.checkpointEpoch(runID, kind: .last) ?? 0)))
        let split = try recordedSplit(runID)
        let targets = try teacherTargets(settings, splits: [split], data: data)?.first
        let result = try execute(runID, settings: settings, data: data, split: split, targets: targets, resume: true)
        // A fold finished by hand completes its parent once every fold is in.
        if let parent = header.parentID, let parentHeader = try store.runHeader(parent), parentHeader.kind == .kfold {
            try store.refreshParent(parent)
            if result.status == .finished, case .kfold(let k) = settings.split {
                let folds = try store.childRuns(of: parent)
                if folds.count == k && folds.allSatisfy({ $0.status == .finished }) {
                    try store.endRun(parent, status: .finished)
                } else {
                    workbench.observer.handle(
                        .message(
                            "k-fold run \(parent) has \(folds.filter { $0.status == .finished }.count) of \(k) folds finished; `ser run --resume \(parent)` trains the rest"
                        ))
                }
            }
        }
        return try outcome(runID, status: result.status, test: result.test, epochs: result, reproduces: nil, folds: 0)
    }

    /// ``resume(_:)`` of a k-fold parent.
    private func resumeFolds(_ parent: Int64) throws -> TrainingOutcome {
        let settings = try settings(of: parent)
        let data = try prepare(settings)
        let folds = try foldSplits(settings, data: data)
        let existing = try store.childRuns(of: parent)
        workbench.observer.handle(.expectedEpochs((folds.count - existing.filter { $0.status == .finished }.count) * settings.epochs))
        guard existing.count <= folds.count else {
            throw WorkbenchError(
                .wrongState, "k-fold run \(parent) has \(existing.count) folds recorded but its settings make \(folds.count)")
        }
        for (i, child) in existing.enumerated() where child.status == .running {
            if try !store.runProcessIsGone(child.id) {
                throw WorkbenchError(.wrongState, "fold \(i + 1) (run \(child.id)) of k-fold run \(parent) is still running")
            }
        }
        let name = try store.runHeader(parent)?.name
        let request = TrainingRequest(name: name)
        return try trainFolds(
            parent, folds: folds, targets: try teacherTargets(settings, splits: folds, data: data), existing: existing, settings: settings,
            data: data, reproduces: nil,
            newFold: { i in
                try store.createRun(
                    try record(
                        .fold, parent: parent, name: "\(name ?? "run \(parent)") fold \(i + 1)", settings: settings, data: data,
                        request: request))
            })
    }

    /// Records the split and normalisation (new runs) and trains, with `targets` (the
    /// teacher's probabilities of the training clips) when distilling.
    private func execute(
        _ runID: Int64, settings: RunSettings, data: PreparedData, split: Split, targets: SoftTargets?, resume: Bool
    ) throws -> RunExecutor.Result {
        let normalizer: Normalizer
        if resume, let saved = try store.normalization(runID) {
            // Speaker runs record "speaker-zscore": their per-speaker step is redone on the data,
            // the recorded statistics are the global z-score on top of it.
            normalizer = Normalizer(
                method: Normalizer.Method(rawValue: saved.method) ?? settings.normalizerMethod, mean: saved.mean, std: saved.std)
        } else {
            normalizer = data.fitNormalizer(split.train, method: settings.normalizerMethod, maxFrames: settings.maxFrames)
            try store.recordSplit(runID, train: split.train, validation: split.validation, test: split.test)
            let recorded = settings.normalization == .speaker ? PreparedData.speakerMethod : normalizer.method.rawValue
            try store.recordNormalization(runID, method: recorded, mean: normalizer.mean, std: normalizer.std)
        }
        let executor = RunExecutor(
            workbench: workbench, runID: runID, settings: settings, data: data, split: split, normalizer: normalizer,
            teacher: targets)
        return try executor.execute(resume: resume)
    }

    private func outcome(
        _ runID: Int64, status: RunStatus, test: EvaluationRecord?, epochs: RunExecutor.Result?, reproduces: Int64?, folds: Int
    ) throws -> TrainingOutcome {
        let metrics = try store.runMetrics(runID, subset: "test")
        let values = metrics.mapValues(\.value)
        let stds = metrics.compactMapValues(\.std)
        var reproduction: Reproduction?
        if let reproduces {
            let before = try store.runMetrics(reproduces, subset: "test").mapValues(\.value)
            let differing = values.keys.sorted().filter { before[$0] != values[$0] }
            reproduction = Reproduction(
                original: reproduces, identical: differing.isEmpty && !before.isEmpty,
                differences: differing.map { Reproduction.Difference(metric: $0, before: before[$0], after: values[$0]) },
                environmentChanges: differing.isEmpty && !before.isEmpty
                    ? [] : Self.environmentChanges(try store.provenance(reproduces), try store.provenance(runID)))
        }
        return TrainingOutcome(
            run: runID, status: status, test: test, bestEpoch: epochs?.bestEpoch, selectedEpoch: epochs?.selectedEpoch,
            testMetrics: values, testStd: stds, folds: folds, reproduction: reproduction)
    }
}
