/// How much of a feature set (a dataset version's clips under one recipe) a database holds.
public struct FeatureCoverage: Sendable, Equatable {
    /// Clips in the version.
    public var clips: Int
    /// Content hashes of the version's clips that have a tensor under the recipe.
    public var cached: Set<String>
    /// Clips whose computation failed under the recipe (`feature_errors`).
    public var failed: Int

    /// Every clip has its tensor or a recorded failure (and the version has clips).
    public var complete: Bool { clips > 0 && cached.count + failed >= clips }
}
