public import SERCore
public import SERRemote
public import SERStore

/// `ser run --queue` and `ser sweep --queue`: the feature tensors the runs train on go up
/// first, then the runs go on the queue, so a worker that claims a trial at once finds them.
public enum QueueSubmitter {
    /// What a submission sent.
    public struct Report: Sendable, Equatable {
        /// Feature tensors uploaded (the remote already had the rest).
        public var tensors = 0
        /// Runs put on the queue.
        public var runs = 0
    }

    /// Uploads the tensors of `featureSets` (``ExchangeScope/featureSetKey(version:recipe:)``
    /// keys) the remote lacks, then enqueues `submission` in one transaction.
    /// - Throws: ``RemoteError``; `StoreError` from the local database. Tensors uploaded
    ///   before an error stay on the remote (a later submission skips them).
    public static func submit(
        _ submission: QueueSubmission, featureSets: [String], to remote: Remote, from store: Store,
        cancellation: CancellationToken = CancellationToken()
    ) async throws -> Report {
        var report = Report()
        for key in featureSets {
            report.tensors += try await remote.pushFeatures(key, from: store, cancellation: cancellation)
        }
        try await remote.enqueue(submission, from: store)
        report.runs = submission.trials.count
        return report
    }
}
