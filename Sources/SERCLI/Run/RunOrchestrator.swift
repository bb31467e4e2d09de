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
        let splitter = Splitter(
            validationFraction: settings.validationFraction, seed: UInt64(truncatingIfNeeded: settings.splitSeed ?? settings.seed))
        let provenance = ProvenanceCollector.collect(datasetHash: data.version.hash, featureConfigHash: data.featureConfigHash)
        let method = Normalizer.Method(name: settings.normalization) ?? .global
        func newRun(_ kind: String, parent: Int64?, name: String?) throws -> NewRun {
            NewRun(
                name: name, kind: kind, parentID: parent, datasetVersionID: data.version.id, featureConfigID: data.featureConfigID,
                split: settings.split, seed: Int64(settings.seed), config: try settings.json(), commandLine: commandLine,
                tags: tags, note: note, hyperparameters: try settings.flattened(), provenance: provenance, reproducesRunID: reproduces)
        }
        if case .kfold(let k) = plan {
            let folds = try splitter.folds(data.clipRefs, k: k)  // refused before anything is written
            let parent = try store.createRun(try newRun("kfold", parent: parentID, name: name))
            try store.markRunning(parent, pid: getpid())
            let heartbeat = Heartbeat(store: store, runID: parent)
            defer { heartbeat.stop() }
            var tests: [EvaluationRecord] = []
            var status = "finished"
            for (i, split) in folds.enumerated() {
                output.note("\n— fold \(i + 1)/\(k) —")
                let child = try store.createRun(try newRun("fold", parent: parent, name: "\(name ?? "run \(parent)") fold \(i + 1)"))
                let result = try execute(child, settings: settings, data: data, split: split, method: method, resume: false)
                if let test = result.test { tests.append(test) }
                if result.status != "finished" {
                    status = result.status
                    break
                }
            }
            try recordAggregate(parent, tests)
            try store.endRun(parent, status: status, error: status == "finished" ? nil : "fold \(tests.count + 1) was \(status)")
            return try outcome(parent, status: status, test: nil, bestEpoch: nil, reproduces: reproduces, aggregate: tests)
        }
        let split = try splitter.split(data.clipRefs, plan: plan)  // refused before anything is written
        let runID = try store.createRun(try newRun(kind ?? "train", parent: parentID, name: name))
        let result = try execute(runID, settings: settings, data: data, split: split, method: method, resume: false)
        return try outcome(runID, status: result.status, test: result.test, bestEpoch: result.bestEpoch, reproduces: reproduces, aggregate: [])
    }

    /// Continues an interrupted (or dead, or failed) run from its last committed epoch.
    func resume(_ runID: Int64) throws -> Outcome {
        guard let header = try store.runHeader(runID) else { throw RunFailure("no run \(runID) in \(store.path)") }
        let status = header.status, kind = header.kind
        guard ["interrupted", "dead", "failed", "queued"].contains(status) else {
            throw RunFailure("run \(runID) is \(status); only interrupted, failed or dead runs can be resumed")
        }
        guard kind == "train" || kind == "fold" || kind == "trial" else {
            throw RunFailure("run \(runID) is a \(kind) parent; resume its unfinished children instead")
        }
        let settings = try settings(of: runID)
        let data = try DataPreparer.prepare(store: store, settings: settings, quiet: output.quiet, shouldStop: { InterruptFlag.isRaised })
            .normalizedPerSpeaker(if: settings.normalization == "speaker", maxFrames: settings.maxFrames)
        let split = Split(
            train: try store.splitClips(runID, subset: "train"), validation: try store.splitClips(runID, subset: "val"),
            test: try store.splitClips(runID, subset: "test"))
        let method = Normalizer.Method(name: settings.normalization) ?? .global
        let result = try execute(runID, settings: settings, data: data, split: split, method: method, resume: true)
        return try outcome(runID, status: result.status, test: result.test, bestEpoch: result.bestEpoch, reproduces: nil, aggregate: [])
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

    /// Mean ± standard deviation of the folds' test metrics on the parent.
    private func recordAggregate(_ parent: Int64, _ tests: [EvaluationRecord]) throws {
        guard !tests.isEmpty else { return }
        try store.recordAggregate(parent, subset: "test", metrics: Self.aggregate(tests))
    }

    /// Mean and sample standard deviation over the folds of each test metric they report.
    static func aggregate(_ tests: [EvaluationRecord]) -> [String: (mean: Double, std: Double)] {
        var aggregate: [String: (mean: Double, std: Double)] = [:]
        for name in ["accuracy", "macro_f1", "uar", "loss"] {
            let values = tests.compactMap { $0.metrics[name] }
            guard !values.isEmpty else { continue }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(values.count - 1, 1))
            aggregate[name] = (mean, variance.squareRoot())
        }
        return aggregate
    }

    private func outcome(_ runID: Int64, status: String, test: EvaluationRecord?, bestEpoch: Int?, reproduces: Int64?, aggregate: [EvaluationRecord]) throws -> Outcome {
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
            runID: runID, status: status, test: test, bestEpoch: bestEpoch, reproductionNote: note,
            report: RunReport(run: runID, status: status, bestEpoch: bestEpoch, test: values, testStd: stds, reproduction: note))
    }
}

/// `ser run --json`.
struct RunReport: Encodable {
    var run: Int64
    var status: String
    var bestEpoch: Int?
    var test: [String: Double]
    var testStd: [String: Double]
    var reproduction: String?
}
