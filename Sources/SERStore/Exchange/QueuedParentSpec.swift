/// The run a queued group aggregates into (a sweep's parent, or a `--seeds` ensemble), as a
/// local sweep or `ser run --seeds` would record it; a worker records it once every run of the
/// group has ended.
public struct QueuedParentSpec: Sendable, Hashable {
    public var kind: QueueGroupKind
    public var name: String?
    /// `runs.config` of a sweep: the shared settings with each swept setting's alternatives
    /// (`{}` for seeds: an ensemble's settings name its members once they exist).
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
        kind: QueueGroupKind, name: String?, config: String, hyperparameters: [String: String], split: String, seed: Int64, tags: [String],
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
