import SERRemote
import SERStore
import SERWorkbench
import SERWorker

/// `--queue NAME` of `ser run` and `ser sweep`: puts a resolved plan on a remote's queue.
enum QueueSubmit {
    /// Enqueues `plan` on the remote `name` and says so (unless quiet).
    static func submit(_ plan: QueuePlan, remote name: String, store: Store, quiet: Bool) throws {
        let record = try RemoteSelection.record(name, in: store)
        let submission = plan.submission()
        try RemoteSelection.using(record) { remote in try await remote.enqueue(submission, from: store) }
        guard !quiet else { return }
        let count = submission.trials.count
        let what = submission.group.map { "\(count) trials of sweep \($0.uuid.prefix(8))" } ?? "\(count) run\(count == 1 ? "" : "s")"
        Console.out("Queued \(what) on \(record.name); `ser worker \(record.name)` trains them, `ser queue \(record.name)` shows them\n")
    }
}
