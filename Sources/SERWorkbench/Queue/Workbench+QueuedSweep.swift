import Foundation
public import SERStore

extension Workbench {
    /// Records a queued sweep's parent run as ``sweep(_:grid:random:name:tags:launcher:)``
    /// records it here: the trial chosen on validation accuracy and its scores, `failed` when
    /// a trial did not finish. The trials' runs (and what they depend on) come as exchanged
    /// tables from the remote; call this on a scratch database, whose parent run is then
    /// exchanged back.
    ///
    /// - Parameters:
    ///   - uuid: the parent's UUID (the queue's sweep).
    ///   - trialCount: trials the sweep enqueued (those without a run did not finish).
    ///   - dependencies: the dataset version and feature recipes, as exchanged.
    ///   - trials: the trials' runs, as exchanged.
    /// - Returns: the parent's local id.
    /// - Throws: `StoreError` when the tables cannot be written.
    public func recordQueuedSweep(
        uuid: String, parent: QueuedParentSpec, datasetVersionHash: String, trialCount: Int, dependencies: [ExchangeTable],
        trials: [ExchangeTable]
    ) throws -> Int64 {
        try store.importTables(dependencies)
        let id = try store.createRun(
            NewRun(
                name: parent.name, kind: .sweep, datasetVersionID: try store.localID(.datasetVersion, key: datasetVersionHash),
                featureConfigID: try store.localID(.featureConfig, key: parent.featureConfigHash), split: parent.split, seed: parent.seed,
                config: parent.config, commandLine: invocation.commandLine, tags: parent.tags, hyperparameters: parent.hyperparameters,
                provenance: ProvenanceCollector.collect(datasetHash: datasetVersionHash, featureConfigHash: parent.featureConfigHash),
                uuid: uuid))
        try store.importTables(trials)
        try store.markRunning(id, pid: getpid())
        try store.refreshParent(id)
        let finished = try store.childRuns(of: id).filter { $0.status == .finished }.count
        let failures = trialCount - finished
        try store.endRun(id, status: failures == 0 ? .finished : .failed, error: failures > 0 ? "\(failures) trial(s) did not finish" : nil)
        return id
    }

    /// Records a queued `--seeds` group's ensemble as ``trainSeeds(_:seeds:_:)`` records it
    /// here, from its members' runs (exchanged tables from the remote), on a scratch database
    /// whose ensemble (with its folds) is then exchanged back.
    ///
    /// - Parameters:
    ///   - uuid: the ensemble's UUID (the queue's group).
    ///   - memberUUIDs: the members' UUIDs in seed order.
    /// - Returns: the ensemble's local id, or nil when a member did not finish (no ensemble,
    ///   as `ser run --seeds` records none then).
    /// - Throws: `StoreError`, ``WorkbenchError`` from the ensemble builder.
    public func recordQueuedSeeds(
        uuid: String, group: QueuedParentSpec, memberUUIDs: [String], dependencies: [ExchangeTable], members: [ExchangeTable]
    ) throws -> Int64? {
        try store.importTables(dependencies)
        try store.importTables(members)
        var ids: [Int64] = []
        for member in memberUUIDs {
            guard let id = try store.localID(.run, key: member), try store.runHeader(id)?.status == .finished else { return nil }
            ids.append(id)
        }
        return try ensemble(ids, TrainingRequest(name: group.name, tags: group.tags, uuid: uuid)).run
    }
}
