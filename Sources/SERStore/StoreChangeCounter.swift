import Foundation
import GRDB

/// Tells whether anything was committed to a database since it was last asked: SQLite's
/// `PRAGMA data_version` on a connection of its own (read-only), which changes whenever
/// another connection or process commits. A front end that caches what it rendered keys it
/// by ``value()``, so a cached page is served until the database changes.
///
/// The value means something only compared with earlier values of the same counter.
public final class StoreChangeCounter: Sendable {
    private let queue: DatabaseQueue
    private let path: String

    /// A counter over `store`'s file: one extra read-only connection.
    ///
    /// - Throws: ``StoreError`` `.sqlite` when the connection cannot be opened.
    public init(_ store: Store) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(Store.busyTimeout)
        config.label = "ser-change-counter"
        path = store.path
        do {
            queue = try DatabaseQueue(path: store.location, configuration: config)
        } catch let error as DatabaseError {
            throw StoreError(.sqlite, path: store.path, "cannot open a connection to watch for changes: \(error.message ?? "\(error)")")
        }
    }

    /// The current data version: equal to an earlier value exactly when no transaction was
    /// committed to the database in between (by any connection or process).
    ///
    /// - Throws: ``StoreError`` `.sqlite` when the database cannot be read.
    public func value() throws -> Int64 {
        do {
            return try queue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch let error as DatabaseError {
            throw StoreError(.sqlite, path: path, "cannot read its data version: \(error.message ?? "\(error)")")
        }
    }
}
