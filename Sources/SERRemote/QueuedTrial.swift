public import SERStore

/// A trial a worker has claimed: what to train, and the claim (``attempt``) that its
/// heartbeats and its result must still hold.
public struct QueuedTrial: Sendable, Hashable {
    /// `queue_trials.id`.
    public let id: Int64
    /// The UUID the trained run gets.
    public let uuid: String
    /// The sweep it belongs to, or nil.
    public let groupUUID: String?
    public let run: QueuedRunSpec
    public let datasetVersionHash: String
    public let commandLine: String
    /// This claim's number, 1 for the first.
    public let attempt: Int
    /// The worker holding the claim.
    public let worker: String
}
