/// What a group of exchanged tables describes, and the key that names it.
public enum ExchangeScope: String, Sendable, Hashable, CaseIterable {
    /// A dataset version by its `hash`: the dataset, labels, clip metadata, membership.
    case datasetVersion
    /// A feature recipe by its `hash`.
    case featureConfig
    /// The cached feature tensors of a dataset version's clips under a recipe: key
    /// ``featureSetKey(version:recipe:)``. Each tensor travels with its clip's content hash, so
    /// it lands on every clip of that content wherever it is imported.
    case featureSet
    /// One run by its `uuid`: the run row and everything it recorded.
    case run

    /// The key of a ``featureSet``: the version's hash, a dot, the recipe's hash (129
    /// characters).
    public static func featureSetKey(version: String, recipe: String) -> String { "\(version).\(recipe)" }

    /// The version and recipe hashes of a ``featureSet`` key (the inverse of
    /// ``featureSetKey(version:recipe:)``).
    public static func featureSetParts(_ key: String) -> (version: String, recipe: String) {
        (String(key.prefix(64)), String(key.dropFirst(65)))
    }
}
