public import Foundation
public import SERStore

/// Runs one database write at a time on its own thread, so the next batch is decoded while
/// the previous one commits. ``submit(_:)`` waits while a write is still running; the first
/// error stops everything and is rethrown by the next ``submit(_:)`` or ``drain()``.
public final class BatchWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "ser.import.writer")
    private let slot = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private var failure: (any Error)?

    /// Starts `work` once the previous write is done.
    ///
    /// - Throws: the error of an earlier write.
    public func submit(_ work: @escaping @Sendable () throws -> Void) throws {
        slot.wait()
        if let failure = lock.withLock({ failure }) {
            slot.signal()
            throw failure
        }
        queue.async { [self] in
            do {
                try work()
            } catch {
                lock.withLock { if failure == nil { failure = error } }
            }
            slot.signal()
        }
    }

    /// Waits for the last write.
    ///
    /// - Throws: the first error of any write.
    public func drain() throws {
        slot.wait()
        slot.signal()
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
