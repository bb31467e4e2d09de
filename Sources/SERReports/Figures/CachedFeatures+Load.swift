public import SERCore
public import SERStore

extension CachedFeatures {
    /// The recipe to use and the dataset's cached tensors under it.
    public static func load(config: Int64?, clips: [ClipInfo], dataset: String, store: Store) throws -> (FeatureConfigInfo, [Int64: Matrix])
    {
        let recipes = try store.featureConfigs()
        let ids = clips.map(\.id)
        let candidates = config.map { id in recipes.filter { $0.id == id } } ?? recipes
        if let config, candidates.isEmpty {
            throw ReportError(.noData, "feature recipe \(config)", "no such recipe in \(store.path)")
        }
        var best: (FeatureConfigInfo, Int)?
        for recipe in candidates {
            let count = try store.cachedFeatureClips(configID: recipe.id, among: ids).count
            if count > (best?.1 ?? 0) { best = (recipe, count) }
        }
        guard let (recipe, _) = best else {
            throw ReportError(
                .noData, "dataset \(dataset)",
                "has no cached features\(config.map { " under recipe \($0)" } ?? "") (compute them with `ser features` first)")
        }
        return (recipe, try store.loadFeatures(configID: recipe.id, clipIDs: ids))
    }
}
