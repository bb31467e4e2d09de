/// What a group of exchanged tables describes, and the key that names it.
public enum ExchangeScope: String, Sendable, Hashable, CaseIterable {
    /// A dataset version by its `hash`: the dataset, labels, clip metadata, membership.
    case datasetVersion
    /// A feature recipe by its `hash`.
    case featureConfig
    /// One run by its `uuid`: the run row and everything it recorded.
    case run
}
