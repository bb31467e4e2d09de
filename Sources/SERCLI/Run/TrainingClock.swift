import SERCore
import SERReports
import SERWorkbench
import Foundation

/// Elapsed time and an estimate of the time left for all the epochs one command will train
/// (every fold, seed or trial), from the mean time of the epochs done so far.
final class TrainingClock: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var planned = 0
    private var done = 0
    private var firstEpochStart: Date?
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

    /// Counts one finished epoch that took `seconds` to train and validate.
    ///
    /// - Returns: seconds since the command started, and the estimated seconds left: the
    ///   wall-clock time per epoch since the first epoch began (so committing checkpoints and
    ///   evaluating count too) × the epochs still planned (`nil` when none are).
    func tick(seconds: Double) -> (elapsed: Double, remaining: Double?) {
        lock.withLock {
            let now = Date()
            if firstEpochStart == nil { firstEpochStart = now.addingTimeInterval(-seconds) }
            done += 1
            let left = planned - done
            let perEpoch = now.timeIntervalSince(firstEpochStart ?? start) / Double(done)
            return (now.timeIntervalSince(start), left > 0 ? perEpoch * Double(left) : nil)
        }
    }
}
