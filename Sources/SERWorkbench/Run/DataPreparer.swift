import Foundation
import SERCore
import SERFeatures
import SERStore

/// Loads a dataset version and makes sure every clip has features under the recipe.
public enum DataPreparer {
    /// - Throws: ``WorkbenchError`` / ``StoreError`` with the reason: `.unusableData` listing
    ///   the clips whose features could not be computed (e.g. moved source files),
    ///   `.cancelled` when the workbench's token stopped it.
    /// - Parameter allowSingleLabel: accept a version whose clips all share one label
    ///   (evaluation needs no second class; training does).
    static func prepare(_ workbench: Workbench, settings: RunSettings, allowSingleLabel: Bool = false) throws -> PreparedData {
        let store = workbench.store
        let (dataset, version) = try DatasetSelection.resolve(settings.dataset, in: store)
        let clips = try store.read { db in try DatasetStore.clips(versionID: version.id ?? -1, db) }
        guard !clips.isEmpty else {
            throw WorkbenchError(.unusableData, "dataset \(dataset.name)@\(version.shortHash) has no clips")
        }
        if workbench.sourceVerification == .always {
            try checkSources(clips, store: store, dataset: dataset.name)
        }
        let recipes = try FeatureSpec.recipes(of: settings)
        let computers = try recipes.map { try FeatureComputer(store: store, config: $0) }
        let computer = computers[0]
        let ids = clips.compactMap(\.id)
        if workbench.sourceVerification == .whenComputing,
            try computers.contains(where: { try store.cachedFeatureClips(configID: $0.configID, among: ids).count < ids.count })
        {
            try checkSources(clips, store: store, dataset: dataset.name)
        }
        try fill(computer, clips: clips, dataset: dataset.name, title: "features", workbench: workbench)
        var copies: [[Int64: Matrix]] = []
        for (factor, copyComputer) in zip(settings.speedPerturb, computers.dropFirst()) {
            try fill(copyComputer, clips: clips, dataset: dataset.name, title: "speed ×\(factor)", workbench: workbench)
            copies.append(try store.loadFeatures(configID: copyComputer.configID, clipIDs: ids))
        }
        let features = try store.loadFeatures(configID: computer.configID, clipIDs: clips.compactMap(\.id))
        let classes = Array(Set(clips.map(\.label))).sorted()
        guard classes.count >= 2 || allowSingleLabel else {
            throw WorkbenchError(
                .unusableData, "dataset \(dataset.name) has only one label (\(classes.first ?? "none")); classification needs at least two")
        }
        return PreparedData(
            dataset: dataset, version: version, clips: clips, classes: classes, features: features,
            featureConfigID: computer.configID, featureConfigHash: recipes[0].hash, dims: recipes[0].dims, copies: copies)
    }

    /// Computes the features `computer`'s recipe still lacks for `clips`.
    ///
    /// - Throws: ``WorkbenchError`` when cancelled or when some clip could not be featurised
    ///   (finished batches stay cached either way).
    private static func fill(
        _ computer: FeatureComputer, clips: [ClipRecord], dataset: String, title: String, workbench: Workbench
    ) throws {
        let missing =
            clips.count - (try computer.store.cachedFeatureClips(configID: computer.configID, among: clips.compactMap(\.id)).count)
        guard missing > 0 else { return }
        let progress = workbench.progress.begin(title, total: missing, unit: "clips")
        let outcome = try computer.computeMissing(clips, progress: progress, cancellation: workbench.cancellation)
        progress.finish()
        if workbench.cancellation.isCancelled {
            throw WorkbenchError(
                .cancelled, "interrupted while computing features; nothing of the run was written (finished features are cached)")
        }
        if !outcome.failures.isEmpty {
            let listed = outcome.failures.prefix(10).map { "  \($0.clip.relativePath): \($0.reason)" }.joined(separator: "\n")
            throw WorkbenchError(
                .unusableData,
                "\(title) could not be computed for \(outcome.failures.count) clip(s) of \(dataset); nothing of the run was written:\n\(listed)"
                    + (outcome.failures.count > 10 ? "\n  … (all in the feature_errors table)" : ""))
        }
    }
}

extension DataPreparer {
    /// Refuses to train on a dataset whose source audio moved or changed size since import
    /// (clips with PCM stored in the database are exempt): cached features would still load,
    /// but the run could no longer be recomputed or audited from its sources.
    static func checkSources(_ clips: [ClipRecord], store: Store, dataset: String) throws {
        let stored = try store.read { db in try DatasetStore.clipsWithStoredAudio(clips.compactMap(\.id), db) }
        var problems: [String] = []
        for clip in clips where !stored.contains(clip.id ?? -1) {
            do {
                try ClipAudioLoader.verify(clip, verifyHash: false)
            } catch {
                problems.append("  \(error)")
            }
        }
        guard problems.isEmpty else {
            throw WorkbenchError(
                .unusableData,
                "\(problems.count) source file(s) of dataset \(dataset) moved or changed since import; nothing of the run was written:\n"
                    + problems.prefix(10).joined(separator: "\n") + (problems.count > 10 ? "\n  …" : "")
                    + "\nRe-import the corpus (a new dataset version), or import with --store-audio to keep the audio in the database.")
        }
    }
}
