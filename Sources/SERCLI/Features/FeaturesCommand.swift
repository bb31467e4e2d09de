import ArgumentParser
import Foundation
import SERCore
import SERFeatures
import SERStore

extension SER {
    /// `ser features`: fills the feature cache for a dataset version.
    struct Features: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "features",
            abstract: "Compute and cache feature tensors for a dataset (what `ser run` would compute).",
            discussion: """
                Tensors are computed once per (clip, feature recipe) on all cores and stored as \
                float32 BLOBs in the features table; later runs with the same recipe reuse them.

                Examples:
                  ser features                                  # the default recipe
                  ser features --dataset ravdess --features mfcc40+delta+chroma
                """)

        @OptionGroup var options: GlobalOptions

        @Option(help: ArgumentHelp("Dataset NAME or NAME@VERSION (default: the only dataset).", valueName: "name"))
        var dataset: String?

        @Option(help: ArgumentHelp("Feature set, '+'-joined: mfccN, chroma, contrast, delta, delta2, rms, zcr.", valueName: "spec"))
        var features = RunSettings().features

        @Option(help: ArgumentHelp("Feature sample rate in Hz.", valueName: "hz"))
        var sampleRate = RunSettings().sampleRate

        func run() throws {
            let store = try options.openStore()
            let config = try FeatureSpec.config(features, sampleRate: sampleRate)
            let (datasetRecord, version) = try DatasetSelection.resolve(dataset, in: store)
            let clips = try store.read { db in try DatasetStore.clips(versionID: version.id ?? -1, db) }
            let computer = try FeatureComputer(store: store, config: config)
            let progress = ProgressBar(total: clips.count, title: "features", unit: "clips", mode: ProgressBar.automaticMode(quiet: options.quiet || options.json))
            InterruptFlag.install()
            let outcome = try computer.computeMissing(clips, progress: progress, shouldStop: { InterruptFlag.isRaised })
            progress.finish()
            if options.json {
                try printJSON(FeaturesReport(
                    dataset: datasetRecord.name, version: version.shortHash, recipe: FeatureComputer.name(of: config),
                    configHash: config.hash, dims: config.dims, clips: clips.count, cached: outcome.cached,
                    computed: outcome.computed,
                    failures: outcome.failures.map { .init(clip: $0.clip.id, path: $0.clip.relativePath, reason: $0.reason) },
                    seconds: outcome.seconds))
            } else if !options.quiet {
                print("\(datasetRecord.name)@\(version.shortHash): \(FeatureComputer.name(of: config)) (\(config.dims) dims, recipe \(config.hash.prefix(12)))")
                print("  \(outcome.cached) cached, \(outcome.computed) computed in \(Format.duration(outcome.seconds)), \(outcome.failures.count) failed")
                for failure in outcome.failures.prefix(20) { print("  ✗ \(failure.clip.relativePath): \(failure.reason)") }
                if outcome.failures.count > 20 { print("  … \(outcome.failures.count - 20) more (see the feature_errors table)") }
            }
            if InterruptFlag.isRaised {
                throw ExitCode(130)
            }
        }
    }
}

/// `ser features --json`.
struct FeaturesReport: Encodable {
    /// A clip that could not be featurised.
    struct Failure: Encodable {
        @Nullable var clip: Int64?
        /// The clip's path relative to its dataset root.
        var path: String
        var reason: String
    }

    var dataset: String
    var version: String
    var recipe: String
    var configHash: String
    var dims: Int
    var clips: Int
    var cached: Int
    var computed: Int
    var failures: [Failure]
    var seconds: Double
}
