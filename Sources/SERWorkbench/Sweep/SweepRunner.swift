import Foundation
public import SERCore
public import SERStore

/// What `Workbench.sweep` produced: the parent and its trials, ranked.
public struct SweepOutcome: Sendable {
    /// One trial, in rank order (best validation first).
    public struct Trial: Sendable {
        public var run: Int64
        public var status: RunStatus
        /// The swept settings' values of this trial, by key.
        public var settings: [String: JSONValue]
        public var validationAccuracy: Double?
        public var testAccuracy: Double?
        public var testF1: Double?
    }

    public var sweep: Int64
    public var status: RunStatus
    public var axes: [String]
    public var trials: [Trial]
}

/// Runs a sweep's trials through a ``TrialLauncher``, then records the chosen trial on the
/// parent and ranks the trials.
struct SweepRunner {
    let workbench: Workbench
    var store: Store { workbench.store }

    func run(base: RunSettings, grid: SweepGrid, trials: [RunSettings], name: String?, tags: [String], launcher: any TrialLauncher) throws
        -> SweepOutcome
    {
        // Features first, once per distinct recipe, so trials share the cache.
        var seen = Set<String>()
        for trial in trials where seen.insert("\(trial.features)@\(trial.sampleRate)×\(trial.speedPerturb)").inserted {
            _ = try DataPreparer.prepare(workbench, settings: trial)
        }
        let data = try DataPreparer.prepare(workbench.quiet, settings: base)
        var pinned = base
        pinned.dataset = "\(data.dataset.name)@\(data.version.hash.prefix(12))"
        let record = try Self.parentRecord(pinned, grid: grid)
        let parent = try store.createRun(
            NewRun(
                name: name, kind: .sweep, datasetVersionID: data.version.id, featureConfigID: data.featureConfigID,
                split: pinned.split.description, seed: Int64(pinned.seed), config: record.config,
                commandLine: workbench.invocation.commandLine, tags: tags, hyperparameters: record.hyperparameters,
                provenance: ProvenanceCollector.collect(datasetHash: data.version.hash, featureConfigHash: data.featureConfigHash)))
        try store.markRunning(parent, pid: getpid())
        let heartbeat = Heartbeat(store: store, runID: parent)
        defer { heartbeat.stop() }
        let parallel = (launcher as? ProcessTrialLauncher)?.jobs ?? 1
        workbench.observer.handle(
            .message(
                "sweep \(parent): \(trials.count) trials over \(grid.axes.map(\.key).joined(separator: ", ")), \(parallel) at a time"))
        workbench.observer.handle(.plannedEpochs(trials.reduce(0) { $0 + $1.modelsPerRun * $1.epochs }))
        let pinnedTrials = trials.enumerated().map { i, trial in
            var settings = trial
            settings.dataset = pinned.dataset
            return SweepTrial(index: i, settings: settings, name: "\(name ?? "sweep \(parent)") #\(i + 1)")
        }
        let failures = try launcher.train(pinnedTrials, sweep: parent, workbench: workbench)
        // A sweep reports the trial chosen on validation, with that trial's own test scores:
        // trials are alternatives, so their mean ± std would describe no model.
        try store.refreshParent(parent)
        let status: RunStatus = workbench.cancellation.isCancelled ? .interrupted : (failures == 0 ? .finished : .failed)
        try store.endRun(parent, status: status, error: failures > 0 ? "\(failures) trial(s) did not finish" : nil)
        return try outcome(parent, status: status, grid: grid)
    }

    /// What a sweep's trials ran, as its parent records it: the shared settings, and for each
    /// swept setting the list of its alternatives (never the default that no trial used).
    static func parentRecord(_ pinned: RunSettings, grid: SweepGrid) throws -> (config: String, hyperparameters: [String: String]) {
        var hyperparameters = try pinned.flattened()
        var config = try JSONSerialization.jsonObject(with: Data(try pinned.json().utf8)) as? [String: Any] ?? [:]
        for axis in grid.axes {
            let alternatives = axis.values.map(\.any)
            hyperparameters[axis.key] = try Self.json(alternatives)
            config[axis.key] = alternatives
        }
        hyperparameters["sweep.axes"] = try Self.json(grid.axes.map { [$0.key: $0.values.map(\.any)] })
        return (try Self.json(config), hyperparameters)
    }

    /// The ranked trials.
    private func outcome(_ parent: Int64, status: RunStatus, grid: SweepGrid) throws -> SweepOutcome {
        let children = try Self.ranked(try store.childRuns(of: parent), store: store, parent: parent)
        var trials: [SweepOutcome.Trial] = []
        for (child, validation) in children {
            let config =
                try (store.runHeader(child.id)?.config).flatMap { try? JSONDecoder().decode([String: JSONValue].self, from: Data($0.utf8)) }
                ?? [:]
            var settings: [String: JSONValue] = [:]
            for axis in grid.axes { settings[axis.key] = config[axis.key] }
            trials.append(
                .init(
                    run: child.id, status: child.status, settings: settings, validationAccuracy: validation, testAccuracy: child.testAcc,
                    testF1: child.testF1))
        }
        return SweepOutcome(sweep: parent, status: status, axes: grid.axes.map(\.key), trials: trials)
    }

    /// The trials in the store's ranking (``Store/rankedChildren(_:)``, the rule the sweep
    /// chooses by), with their validation accuracy.
    static func ranked(_ children: [RunSummaryRow], store: Store, parent: Int64) throws -> [(run: RunSummaryRow, validation: Double?)] {
        let byID = Dictionary(uniqueKeysWithValues: children.map { ($0.id, $0) })
        return try store.rankedChildren(parent).compactMap { ranked in byID[ranked.id].map { (run: $0, validation: ranked.validation) } }
    }

    private static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }
}
