import Foundation
import SERWorkbench

/// Records every run event (thread-safe), and can act on one: the in-process replacement for
/// the command line's environment-variable hooks.
final class RecordingObserver: RunObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [RunEvent] = []
    private let action: (@Sendable (RunEvent) -> Void)?

    init(action: (@Sendable (RunEvent) -> Void)? = nil) {
        self.action = action
    }

    func handle(_ event: RunEvent) {
        lock.withLock { recorded.append(event) }
        action?(event)
    }

    var events: [RunEvent] { lock.withLock { recorded } }

    /// The committed epochs, in order, as (run, epoch).
    var epochs: [(run: Int64, epoch: Int)] {
        events.compactMap { if case .epoch(let run, let record, _, _) = $0 { (run, record.epoch) } else { nil } }
    }
}
