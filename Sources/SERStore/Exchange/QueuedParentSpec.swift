/// The parent run a queued sweep's trials aggregate into, as a local sweep would record it;
/// a worker records it once every trial has ended.
public struct QueuedParentSpec: Sendable, Hashable {
    /// `sweep`.
    public var kind: RunKind
    public var name: String?
    /// `runs.config`: the shared settings with each swept setting's alternatives.
    public var config: String
    /// `hyperparameters` rows: name → JSON value text.
    public var hyperparameters: [String: String]
    /// `runs.split` (`speaker`, `kfold:K`, …).
    public var split: String
    public var seed: Int64
    public var tags: [String]
    /// The content hash of the base settings' feature recipe.
    public var featureConfigHash: String

    public init(
        kind: RunKind, name: String?, config: String, hyperparameters: [String: String], split: String, seed: Int64, tags: [String],
        featureConfigHash: String
    ) {
        self.kind = kind
        self.name = name
        self.config = config
        self.hyperparameters = hyperparameters
        self.split = split
        self.seed = seed
        self.tags = tags
        self.featureConfigHash = featureConfigHash
    }
}
