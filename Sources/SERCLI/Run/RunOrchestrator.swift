import Foundation
import SERCore
import SERExperiment
import SERStore

/// Everything `ser run` does around the training loop: preparing data, refusing bad input
/// before anything is written, creating runs (k-fold parents with their folds), resuming and
/// reproducing.
struct RunOrchestrator {
    let store: Store
    let output: RunOutput
    let commandLine: String

    /// What a `ser run` invocation produced.
    struct Outcome {
        var runID: Int64
        var status: String
        var test: EvaluationRecord?
        var bestEpoch: Int?
        var selectedEpoch: Int?
        var reproductionNote: String?
        var report: RunReport
    }

    /// The resolved settings a recorded run used.
    func settings(of runID: Int64) throws -> RunSettings {
        guard let header = try store.runHeader(runID) else { throw RunFailure("no run \(runID) in \(store.path)") }
        if let members = EnsembleBuilder.members(ofConfig: header.config) {
            throw RunFailure(
                "run \(runID) is an ensemble of runs \(members.map(String.init).joined(separator: ", ")) and has no training settings of its own; "
                    + "reproduce its members and combine them with `ser ensemble`")
        }
        return try JSONDecoder().decode(RunSettings.self, from: Data(header.config.utf8))
    }

    /// Starts a new run (or a k-fold parent with its folds).
    func start(
        _ requested: RunSettings, name: String?, tags: [String], note: String?, parentID: Int64?, kind: String?, reproduces: Int64?
    ) throws -> Outcome {
        var settings = requested
        let data = try DataPreparer.prepare(store: store, settings: settings, quiet: output.quiet, shouldStop: { InterruptFlag.isRaised })
            .normalizedPerSpeaker(if: settings.normalization == "speaker", maxFrames: settings.maxFrames)
        // Pin the dataset version, so resume and reproduce use exactly these clips.
        settings.dataset = "\(data.dataset.name)@\(data.version.hash.prefix(12))"
        let plan = try settings.splitPlan()
        let method = Normalizer.Method(name: settings.normalization) ?? .global
        func newRun(_ kind: String, parent: Int64?, name: String?) throws -> NewRun {
            try record(kind, parent: parent, name: name, settings: settings, data: data, tags: tags, note: note, reproduces: reproduces)
        }
        if case .kfold(let k) = plan { output.clock.expect(epochs: k * settings.epochs) } else { output.clock.expect(epochs: settings.epochs) }
        if case .kfold = plan {
            let folds = try foldSplits(settings, data: data)  // refused before anything is written
            let parent = try store.createRun(try newRun("kfold", parent: parentID, name: name))
            return try trainFolds(
                parent, folds: folds, existing: [], settings: settings, data: data, method: method, reproduces: reproduces,
                newFold: { i in try store.createRun(try newRun("fold", parent: parent, name: "\(name ?? "run \(parent)") fold \(i + 1)")) })
        }
        let split = try Self.splitter(settings).split(data.clipRefs, plan: plan)  // refused before anything is written
        let runID = try store.createRun(try newRun(kind ?? "train", parent: parentID, name: name))
        let result = try execute(runID, settings: settings, data: data, split: split, method: method, resume: false)
        return try outcome(runID, status: result.status, test: result.test, epochs: result, reproduces: reproduces, aggregate: [])
    }

    /// The splitter the settings ask for (its seed: `--split-seed`, else `--seed`).
    private static func splitter(_ settings: RunSettings) -> Splitter {
        Splitter(validationFraction: settings.validationFraction, seed: UInt64(truncatingIfNeeded: settings.splitSeed ?? settings.seed))
    }

    /// The row of a new run (a plain run, k-fold parent or fold) trained with `settings` on
    /// `data`.
    private func record(
        _ kind: String, parent: Int64?, name: String?, settings: RunSettings, data: PreparedData, tags: [String], note: String?,
        reproduces: Int64?
    ) throws -> NewRun {
        NewRun(
            name: name, kind: kind, parentID: parent, datasetVersionID: data.version.id, featureConfigID: data.featureConfigID,
            split: settings.split, seed: Int64(settings.seed), config: try settings.json(), commandLine: commandLine,
            tags: tags, note: note, hyperparameters: try settings.flattened(),
            provenance: ProvenanceCollector.collect(datasetHash: data.version.hash, featureConfigHash: data.featureConfigHash),
            reproducesRunID: reproduces)
    }

    /// The folds of a k-fold plan, as the splitter draws them from the settings' seeds (the
    /// same on every call for the same pinned dataset version).
    private func foldSplits(_ settings: RunSettings, data: PreparedData) throws -> [Split] {
        guard case .kfold(let k) = try settings.splitPlan() else { return [] }
        return try Self.splitter(settings).folds(data.clipRefs, k: k)
    }

    /// Trains a k-fold parent's folds in order — resuming an unfinished existing fold,
    /// skipping finished ones, creating the missing ones with `newFold(i)` — and records the
    /// parent's mean ± std over its folds. Stops at the first fold that does not finish.
    private func trainFolds(
        _ parent: Int64, folds: [Split], existing: [RunSummaryRow], settings: RunSettings, data: PreparedData,
        method: Normalizer.Method, reproduces: Int64?, newFold: (Int) throws -> Int64
    ) throws -> Outcome {
        try store.markRunning(parent, pid: getpid())
        let heartbeat = Heartbeat(store: store, runID: parent)
        defer { heartbeat.stop() }
        var tests: [EvaluationRecord] = []
        var status = "finished"
        for (i, split) in folds.enumerated() {
            if i < existing.count && existing[i].status == "finished" { continue }
            output.note("\n— fold \(i + 1)/\(folds.count) —")
            let result: RunExecutor.Result
            if i < existing.count {
                let child = existing[i].id
                let resumable = try store.checkpointEpoch(child, kind: .last) != nil
                result = try execute(
                    child, settings: settings, data: data, split: resumable ? try recordedSplit(child) : split, method: method, resume: resumable)
            } else {
                result = try execute(try newFold(i), settings: settings, data: data, split: split, method: method, resume: false)
            }
            if let test = result.test { tests.append(test) }
            if result.status != "finished" {
                status = result.status
                try store.refreshParent(parent)
                try store.endRun(parent, status: status, error: "fold \(i + 1) was \(status); resume with `ser run --resume \(parent)`")
                return try outcome(parent, status: status, test: nil, epochs: nil, reproduces: reproduces, aggregate: tests)
            }
        }
        try store.refreshParent(parent)
        try store.endRun(parent, status: status)
        return try outcome(parent, status: status, test: nil, epochs: nil, reproduces: reproduces, aggregate: tests)
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
    func resume(_ runID: Int64) throws -> Outcome {
        guard let header = try store.runHeader(runID) else { throw RunFailure("no run \(runID) in \(store.path)") }
        let kind = header.kind
        var status = header.status
        if status == "running", try store.runProcessIsGone(runID) { status = "dead" }
        guard ["interrupted", "dead", "failed", "queued"].contains(status) else {
            throw RunFailure(
                status == "running"
                    ? "run \(runID) is running (its process is alive, or on another machine with a heartbeat under 60 s old); only interrupted, failed or dead runs can be resumed"
                    : "run \(runID) is \(status); only interrupted, failed or dead runs can be resumed")
        }
        if kind == "kfold" { return try resumeFolds(runID) }
        guard kind == "train" || kind == "fold" || kind == "trial" else {
            throw RunFailure("run \(runID) is a \(kind) parent; resume its unfinished children instead")
        }
        let settings = try settings(of: runID)
        let data = try DataPreparer.prepare(store: store, settings: settings, quiet: output.quiet, shouldStop: { InterruptFlag.isRaised })
            .normalizedPerSpeaker(if: settings.normalization == "speaker", maxFrames: settings.maxFrames)
        let method = Normalizer.Method(name: settings.normalization) ?? .global
        output.clock.expect(epochs: settings.epochs - (try store.checkpointEpoch(runID, kind: .last) ?? 0))
        let result = try execute(runID, settings: settings, data: data, split: try recordedSplit(runID), method: method, resume: true)
        // A fold finished by hand completes its parent once every fold is in.
        if let parent = header.parentID, let parentHeader = try store.runHeader(parent), parentHeader.kind == "kfold" {
            try store.refreshParent(parent)
            if result.status == "finished", case .kfold(let k) = try settings.splitPlan() {
                let folds = try store.childRuns(of: parent)
                if folds.count == k && folds.allSatisfy({ $0.status == "finished" }) {
                    try store.endRun(parent, status: "finished")
                } else {
                    output.note("k-fold run \(parent) has \(folds.filter { $0.status == "finished" }.count) of \(k) folds finished; `ser run --resume \(parent)` trains the rest")
                }
            }
        }
        return try outcome(runID, status: result.status, test: result.test, epochs: result, reproduces: nil, aggregate: [])
    }

    /// ``resume(_:)`` of a k-fold parent.
    private func resumeFolds(_ parent: Int64) throws -> Outcome {
        let settings = try settings(of: parent)
        let data = try DataPreparer.prepare(store: store, settings: settings, quiet: output.quiet, shouldStop: { InterruptFlag.isRaised })
            .normalizedPerSpeaker(if: settings.normalization == "speaker", maxFrames: settings.maxFrames)
        let folds = try foldSplits(settings, data: data)
        let existing = try store.childRuns(of: parent)
        output.clock.expect(epochs: (folds.count - existing.filter { $0.status == "finished" }.count) * settings.epochs)
        guard existing.count <= folds.count else {
            throw RunFailure("k-fold run \(parent) has \(existing.count) folds recorded but its settings make \(folds.count)")
        }
        for (i, child) in existing.enumerated() where child.status == "running" {
            if try !store.runProcessIsGone(child.id) {
                throw RunFailure("fold \(i + 1) (run \(child.id)) of k-fold run \(parent) is still running")
            }
        }
        let name = try store.runHeader(parent)?.name
        return try trainFolds(
            parent, folds: folds, existing: existing, settings: settings, data: data,
            method: Normalizer.Method(name: settings.normalization) ?? .global, reproduces: nil,
            newFold: { i in
                try store.createRun(try record(
                    "fold", parent: parent, name: "\(name ?? "run \(parent)") fold \(i + 1)", settings: settings, data: data, tags: [],
                    note: nil, reproduces: nil))
            })
    }

    /// Records the split and normalisation (new runs) and trains.
    private func execute(_ runID: Int64, settings: RunSettings, data: PreparedData, split: Split, method: Normalizer.Method, resume: Bool) throws -> RunExecutor.Result {
        let normalizer: Normalizer
        if resume, let saved = try store.normalization(runID) {
            // Speaker runs record "speaker-zscore": their per-speaker step is redone on the data,
            // the recorded statistics are the global z-score on top of it.
            normalizer = Normalizer(method: Normalizer.Method(rawValue: saved.method) ?? method, mean: saved.mean, std: saved.std)
        } else {
            normalizer = data.fitNormalizer(split.train, method: method, maxFrames: settings.maxFrames)
            try store.recordSplit(runID, train: split.train, validation: split.validation, test: split.test)
            let recorded = settings.normalization == "speaker" ? PreparedData.speakerMethod : normalizer.method.rawValue
            try store.recordNormalization(runID, method: recorded, mean: normalizer.mean, std: normalizer.std)
        }
        let executor = RunExecutor(
            store: store, runID: runID, settings: settings, data: data, split: split, normalizer: normalizer,
            output: output)
        return try executor.execute(resume: resume)
    }

    private func outcome(
        _ runID: Int64, status: String, test: EvaluationRecord?, epochs: RunExecutor.Result?, reproduces: Int64?, aggregate: [EvaluationRecord]
    ) throws -> Outcome {
        let metrics = try store.runMetrics(runID, subset: "test")
        let values = metrics.mapValues(\.value)
        let stds = metrics.compactMapValues(\.std)
        var note: String?
        if let reproduces {
            let before = try store.runMetrics(reproduces, subset: "test").mapValues(\.value)
            let differing = values.keys.sorted().filter { before[$0] != values[$0] }
            note = differing.isEmpty && !before.isEmpty
                ? "reproduction of run \(reproduces): test metrics identical"
                : "reproduction of run \(reproduces): test metrics differ (\(differing.map { "\($0) \(before[$0].map { String($0) } ?? "–") → \(values[$0].map { String($0) } ?? "–")" }.joined(separator: ", ")))"
            if !differing.isEmpty || before.isEmpty {
                let changes = Self.environmentChanges(try store.provenance(reproduces), try store.provenance(runID))
                if !changes.isEmpty {
                    note? += "; the two runs differ in " + changes.joined(separator: ", ")
                        + " (bit-identical results need the same build, BLAS threads and GEMM on the same CPU)"
                }
            }
        }
        if !aggregate.isEmpty && !output.quiet {
            output.note(String(
                format: "\nk-fold run %lld: test accuracy %.3f ± %.3f, macro-F1 %.3f ± %.3f, UAR %.3f ± %.3f over %d folds",
                runID, values["accuracy"] ?? 0, stds["accuracy"] ?? 0, values["macro_f1"] ?? 0, stds["macro_f1"] ?? 0,
                values["uar"] ?? 0, stds["uar"] ?? 0, aggregate.count))
        }
        return Outcome(
            runID: runID, status: status, test: test, bestEpoch: epochs?.bestEpoch, selectedEpoch: epochs?.selectedEpoch, reproductionNote: note,
            report: RunReport(
                run: runID, status: status, bestEpoch: epochs?.bestEpoch, selectedEpoch: epochs?.selectedEpoch, test: MetricSet(values),
                testStd: MetricSet(stds),
                reproduction: note))
    }
}

/// `ser run --json` (docs/json/run.schema.json).
struct RunReport: Encodable {
    var run: Int64
    /// `finished`, `failed` or `interrupted`.
    var status: String
    /// The epoch with the best monitored validation value.
    @Nullable var bestEpoch: Int?
    /// The epoch whose weights were evaluated (differs from `bestEpoch` with `--select last`).
    @Nullable var selectedEpoch: Int?
    /// Test metrics (k-fold parents: the mean over the folds).
    var test: MetricSet
    /// Their standard deviation over the folds (`null` for a single run).
    var testStd: MetricSet
    /// `--reproduce`: whether the metrics are identical, else `null`.
    @Nullable var reproduction: String?
}
