import Foundation
import SERRemote
import SERStore
import SERWorkbench

/// Builds a queued sweep's parent run in a scratch database, from its trials' runs as the
/// remote holds them, the way a local sweep records it.
enum SweepParentRecorder {
    /// The parent's exchanged tables.
    /// - Throws: `StoreError` when the scratch database cannot be made or written.
    static func record(_ group: QueueGroup, dependencies: [ExchangeTable], trials: [ExchangeTable]) throws -> [ExchangeTable] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ser-sweep-\(group.uuid.prefix(8))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratch = Workbench(
            store: try Store.create(at: folder.appendingPathComponent("ser.db").path),
            invocation: Invocation(commandLine: group.commandLine))
        _ = try scratch.recordQueuedSweep(
            uuid: group.uuid, parent: group.parent, datasetVersionHash: group.datasetVersionHash, trialCount: group.trials.count,
            dependencies: dependencies, trials: trials)
        return try scratch.store.exportTables(.run, key: group.uuid)
    }
}
