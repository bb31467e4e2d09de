import SERCore
import SERReports
import SERWorkbench
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

        @Option(
            help: ArgumentHelp(
                "Feature set, '+'-joined: \(FeatureSpec.tokenList).", valueName: "spec"))
        var features = RunSettings().features

        @Option(help: ArgumentHelp("Feature sample rate in Hz.", valueName: "hz"))
        var sampleRate = RunSettings().sampleRate

        func run() throws {
            let workbench = try options.workbench()
            let outcome = try workbench.computeFeatures(dataset: dataset, features: features, sampleRate: sampleRate)
            if options.json {
                try printJSON(
                    FeaturesReport(
                        dataset: outcome.dataset, version: outcome.version, recipe: outcome.recipe, configHash: outcome.configHash,
                        dims: outcome.dims, clips: outcome.clips, cached: outcome.cached, computed: outcome.computed,
                        failures: outcome.failures.map { .init(clip: $0.clip, path: $0.path, reason: $0.reason) },
                        seconds: outcome.seconds))
            } else if !options.quiet {
                print(
                    "\(outcome.dataset)@\(outcome.version): \(outcome.recipe) (\(outcome.dims) dims, recipe \(outcome.configHash.prefix(12)))"
                )
                print(
                    "  \(outcome.cached) cached, \(outcome.computed) computed in \(Format.duration(outcome.seconds)), \(outcome.failures.count) failed"
                )
                for failure in outcome.failures.prefix(20) { print("  ✗ \(failure.path): \(failure.reason)") }
                if outcome.failures.count > 20 { print("  … \(outcome.failures.count - 20) more (see the feature_errors table)") }
            }
            if outcome.cancelled {
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
