import SERRemote
import SERStore
import SERWorkbench
import SERWorker

/// `--queue NAME` of `ser run` and `ser sweep`: puts a resolved plan on a remote's queue.
enum QueueSubmit {
    /// Caches the plan's feature tensors (per `features`), uploads them and enqueues `plan` on
    /// the remote `name`, and says so (unless quiet).
    static func submit(_ plan: QueuePlan, remote name: String, features: QueueFeatures, workbench: Workbench, quiet: Bool) throws {
        let store = workbench.store
        let record = try RemoteSelection.record(name, in: store)
        let submission = plan.submission()
        let sets = features == .none ? [] : try workbench.featureSets(of: plan, compute: features == .compute)
        for failure in sets.flatMap({ $0.outcome?.failures ?? [] }) {
            Console.error("ser: warning: \(failure.path): no features (\(failure.reason)); workers will skip it as a run here would\n")
        }
        let token = workbench.cancellation
        let report = try RemoteSelection.using(record) { remote in
            try await QueueSubmitter.submit(submission, featureSets: sets.map(\.key), to: remote, from: store, cancellation: token)
        }
        guard !quiet else { return }
        let count = report.runs
        let what =
            switch submission.group?.parent.kind {
            case .sweep?: "\(count) trials of sweep \(submission.group?.uuid.prefix(8) ?? "")"
            case .seeds?: "\(count) runs (one per seed) and their ensemble \(submission.group?.uuid.prefix(8) ?? "")"
            case nil: "\(count) run\(count == 1 ? "" : "s")"
            }
        let tensors = report.tensors > 0 ? " with \(report.tensors) feature tensors" : ""
        Console.out(
            "Queued \(what) on \(record.name)\(tensors); `ser worker \(record.name)` trains them, `ser queue \(record.name)` shows them\n")
    }
}
