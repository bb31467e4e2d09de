import Foundation
import SERRemote
import SERStore
import SERWorkbench

/// Builds what a queued group aggregates into, in a scratch database, from its runs as the
/// remote holds them: a sweep's parent the way a local sweep records it, or a `--seeds`
/// group's ensemble (with its folds for k-fold members) the way `ser run --seeds` records it.
enum QueueGroupRecorder {
    /// The recorded run's exchanged tables (its folds' after it); none when a `--seeds`
    /// member did not finish.
    /// - Throws: `StoreError` when the scratch database cannot be made or written;
    ///   ``WorkbenchError`` when the members cannot be combined.
    static func record(_ group: QueueGroup, dependencies: [ExchangeTable], trials: [ExchangeTable]) throws -> [ExchangeTable] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ser-group-\(group.uuid.prefix(8))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratch = Workbench(
            store: try Store.create(at: folder.appendingPathComponent("ser.db").path),
            invocation: Invocation(commandLine: group.commandLine))
        switch group.parent.kind {
        case .sweep:
            _ = try scratch.recordQueuedSweep(
                uuid: group.uuid, parent: group.parent, datasetVersionHash: group.datasetVersionHash, trialCount: group.trials.count,
                dependencies: dependencies, trials: trials)
            return try scratch.store.exportTables(.run, key: group.uuid)
        case .seeds:
            guard
                let id = try scratch.recordQueuedSeeds(
                    uuid: group.uuid, group: group.parent, memberUUIDs: group.trials.map(\.uuid), dependencies: dependencies,
                    members: trials)
            else { return [] }
            return try scratch.store.pushCandidates([id]).flatMap { try scratch.store.exportTables(.run, key: $0.uuid) }
        }
    }
}
