import SERFeatures
import SERStore

/// What `Workbench.computeFeatures` did.
public struct FeatureCacheOutcome: Sendable {
    /// The dataset's name and version short hash.
    public var dataset: String
    public var version: String
    /// `mfcc40+chroma+contrast@22050`-style name of the recipe.
    public var recipe: String
    /// The recipe's content hash (`feature_configs.hash`).
    public var configHash: String
    /// Feature dimensions per frame.
    public var dims: Int
    public var clips: Int
    /// Clips already cached before the call.
    public var cached: Int
    public var computed: Int
    /// Clips that could not be featurised (relative path, reason); also in `feature_errors`.
    public var failures: [(clip: Int64, path: String, reason: String)]
    /// Wall-clock seconds.
    public var seconds: Double
    /// Stopped by the cancellation token (the finished batches are cached).
    public var cancelled: Bool
}

extension Workbench {
    /// Computes and caches the feature tensors of a dataset version's clips under a recipe
    /// (what a run with these settings would compute), in batches on all cores. Clips that
    /// fail are reported, not thrown.
    ///
    /// - Parameters:
    ///   - dataset: `NAME` or `NAME@VERSION`; `nil` = the only dataset.
    ///   - features: `+`-joined feature tokens (``RunSettings/features``).
    ///   - sampleRate: Hz.
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming `features` or `sampleRate`,
    ///   `StoreError` for an unknown dataset.
    public func computeFeatures(dataset: String?, features: String, sampleRate: Int) throws -> FeatureCacheOutcome {
        if let reason = RunSettings.byKey["sampleRate"]?.check(
            {
                var s = RunSettings(); s.sampleRate = sampleRate; return s
            }())
        {
            throw WorkbenchError.setting("sampleRate", reason)
        }
        return try cacheFeatures(try FeatureSpec.config(features, sampleRate: sampleRate), dataset: dataset)
    }

    /// Computes and caches the missing tensors of a dataset version's clips under `config`.
    func cacheFeatures(_ config: FeatureConfig, dataset: String?) throws -> FeatureCacheOutcome {
        let (record, version) = try DatasetSelection.resolve(dataset, in: store)
        let clips = try store.read { db in try DatasetStore.clips(versionID: version.id ?? -1, db) }
        let computer = try FeatureComputer(store: store, config: config)
        let task = progress.begin("features", total: clips.count, unit: "clips")
        let outcome = try computer.computeMissing(clips, progress: task, cancellation: cancellation)
        task.finish()
        return FeatureCacheOutcome(
            dataset: record.name, version: version.shortHash, recipe: FeatureComputer.name(of: config), configHash: config.hash,
            dims: config.dims, clips: clips.count, cached: outcome.cached, computed: outcome.computed,
            failures: outcome.failures.map { ($0.clip.id ?? -1, $0.clip.relativePath, $0.reason) }, seconds: outcome.seconds,
            cancelled: cancellation.isCancelled)
    }
}
