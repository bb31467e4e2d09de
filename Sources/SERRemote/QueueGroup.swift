/// A sweep whose trials have all ended, claimed by one worker to record its parent run.
public struct QueueGroup: Sendable {
    public let uuid: String
    /// `sweep`.
    public let kind: String
    public let name: String?
    public let config: String
    public let hyperparameters: [String: String]
    public let split: String
    public let seed: Int64
    public let tags: [String]
    public let datasetVersionHash: String
    public let featureConfigHash: String
    public let commandLine: String
    /// The trials' UUIDs in sweep order, with whether the remote holds each one's run (a trial
    /// that failed before training has none).
    public let trials: [(uuid: String, recorded: Bool)]
}
