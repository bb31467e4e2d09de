import Foundation

/// Elapsed time and an estimate of the time left for all the epochs one command will train
/// (every fold, seed or trial), from the mean time of the epochs done so far.
final class TrainingClock: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var planned = 0
    private var done = 0
    private var epochSeconds = 0.0
    private var fixed = false

    /// Adds `epochs` to the plan, unless the whole plan was fixed by ``plan(epochs:)``.
    func expect(epochs: Int) {
        lock.withLock { if !fixed { planned += max(0, epochs) } }
    }

    /// Sets the whole plan at once (a sweep or `--seeds`, which know it up front); later
    /// ``expect(epochs:)`` calls are ignored.
    func plan(epochs: Int) {
        lock.withLock {
            planned = max(0, epochs)
            fixed = true
        }
    }

    /// Counts one finished epoch that took `seconds` (its training and validation).
    ///
    /// - Returns: seconds since the command started, and the estimated seconds left — the
    ///   mean epoch time × the epochs still planned (`nil` when none are).
    func tick(seconds: Double) -> (elapsed: Double, remaining: Double?) {
        lock.withLock {
            done += 1
            epochSeconds += seconds
            let left = planned - done
            return (Date().timeIntervalSince(start), left > 0 ? epochSeconds / Double(done) * Double(left) : nil)
        }
    }
}
