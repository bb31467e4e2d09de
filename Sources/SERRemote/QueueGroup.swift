public import SERStore

/// A sweep whose trials have all ended, claimed by one worker to record its parent run.
public struct QueueGroup: Sendable {
    public let uuid: String
    public let parent: QueuedParentSpec
    public let datasetVersionHash: String
    public let commandLine: String
    /// The trials' UUIDs in sweep order, with whether the remote holds each one's run (a trial
    /// that failed before training has none).
    public let trials: [(uuid: String, recorded: Bool)]
}
