import SERCore
import SERReports
import SERWorkbench
import Foundation
import SERStore

/// The databases this process opened, so that a clean exit can checkpoint each: committed
/// data then lives in `ser.db` itself, not only in `ser.db-wal`, and copying the one file
/// copies everything.
enum OpenStores {
    nonisolated(unsafe) private static var stores: [Store] = []
    nonisolated(unsafe) private static var scratch: [URL] = []
    private static let lock = NSLock()

    /// Remembers `store` for ``checkpointAll()`` and returns it.
    @discardableResult
    static func register(_ store: Store) -> Store {
        lock.withLock { stores.append(store) }
        return store
    }

    /// Remembers a scratch folder (a remote's snapshot) for removal at exit.
    static func removeAtExit(_ folder: URL) {
        lock.withLock { scratch.append(folder) }
    }

    /// Checkpoints every database opened for writing (best effort; see ``Store/checkpoint()``)
    /// and removes the scratch folders.
    static func checkpointAll() {
        for store in lock.withLock({ stores }) { store.checkpoint() }
        for folder in lock.withLock({ scratch }) { try? FileManager.default.removeItem(at: folder) }
    }
}
