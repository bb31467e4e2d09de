import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser sweep`: a grid or random search, each trial a child run of one parent.
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search hyperparameters: every combination (or --random N of them), each trial a run under one parent.",
            discussion: """
                Give alternatives comma-separated (--lr 1e-3,3e-4 --dropout 0.2,0.4); for layer lists \
                separate alternatives with ':' (--layers 128,64:256,128). Other settings come from \
                --config and the defaults of ser run. Trials are ranked by validation accuracy: \
                choose on validation, report on test. --jobs N runs N trials at once in separate \
                processes sharing the database.

                Examples:
                  ser sweep --lr 1e-3,3e-4 --dropout 0.2,0.4 --jobs 2
                  ser sweep --layers 128,64:256,128 --random 4 --set epochs=20
                  ser sweep --lr 1e-3,3e-4 --split kfold:6
                """)

        @OptionGroup var options: GlobalOptions

        @Option(help: ArgumentHelp("Dataset NAME or NAME@VERSION.", valueName: "name")) var dataset: String?
        @Option(help: ArgumentHelp("Base settings file: a JSON object of setting names and values.", valueName: "file")) var config: String?
        @Option(help: ArgumentHelp("Split plan for every trial (speaker, random, kfold:K).", valueName: "plan")) var split: String?
        @Option(help: ArgumentHelp("Test speakers for every trial.", valueName: "ids")) var testSpeakers: String?

        @Option(help: "Learning rates.") var lr: String?
        @Option(help: "LSTM layer lists, ':'-separated.") var layers: String?
        @Option(help: "Dense layer lists, ':'-separated.") var dense: String?
        @Option(help: "Dropout rates.") var dropout: String?
        @Option(help: "Recurrent dropout rates.") var recurrentDropout: String?
        @Option(help: "Batch sizes.") var batch: String?
        @Option(help: "Epoch counts.") var epochs: String?
        @Option(help: "Optimizers.") var optimizer: String?
        @Option(help: "Poolings.") var pooling: String?
        @Option(help: "Sequence modes.") var sequence: String?
        @Option(help: "Bidirectional: true,false.") var bidirectional: String?
        @Option(help: "Label smoothing values.") var labelSmoothing: String?
        @Option(help: "Weight decays.") var weightDecay: String?
        @Option(help: "Frame limits.") var maxFrames: String?
        @Option(help: "Feature specs.") var features: String?
        @Option(help: "Normalisations.") var normalization: String?
        @Option(help: "Schedules.") var schedule: String?
        @Option(help: "Seeds.") var seed: String?
        @Option(help: "Class weighting modes.") var classWeights: String?
        @Option(help: ArgumentHelp("Any setting: KEY=ALTERNATIVES (repeatable).", valueName: "key=values"))
        var set: [String] = []

        @Option(help: ArgumentHelp("Run only N combinations, drawn with the seed.", valueName: "n")) var random: Int?
        @Option(help: ArgumentHelp("Trials to run at once (separate processes).", valueName: "n")) var jobs = 1
        @Option(help: ArgumentHelp("A name for the sweep.", valueName: "name")) var name: String?
        @Option(name: .customLong("tag"), help: ArgumentHelp("A tag for the sweep (repeatable).", valueName: "tag")) var tags: [String] = []

        func validate() throws {
            if jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64") }
            if let random, random < 1 { throw ValidationError("--random must be at least 1") }
            for item in set where !item.contains("=") {
                throw ValidationError("--set expects KEY=ALTERNATIVES (got '\(item)')")
            }
        }

        /// The swept settings, in flag order.
        func axes() -> [(key: String, text: String)] {
            let named: [(String, String?)] = [
                ("lr", lr), ("layers", layers), ("dense", dense), ("dropout", dropout), ("recurrentDropout", recurrentDropout),
                ("batch", batch), ("epochs", epochs), ("optimizer", optimizer), ("pooling", pooling), ("sequence", sequence),
                ("bidirectional", bidirectional), ("labelSmoothing", labelSmoothing), ("weightDecay", weightDecay),
                ("maxFrames", maxFrames), ("features", features), ("normalization", normalization), ("schedule", schedule),
                ("seed", seed), ("classWeights", classWeights),
            ]
            var out = named.compactMap { key, text in text.map { (key, $0) } }
            for item in set {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                out.append((parts[0], parts.count > 1 ? parts[1] : ""))
            }
            return out
        }

        func run() throws {
            var base = RunSettings()
            if let config { base = try base.merging(try ConfigFile.load(path: config), source: "--config \(config)") }
            var fixed: [String: Any] = [:]
            if let dataset { fixed["dataset"] = dataset }
            if let split { fixed["split"] = split }
            if let testSpeakers { fixed["testSpeakers"] = testSpeakers.split(separator: ",").map { String($0) } }
            base = try base.merging(fixed, source: "flags")
            let grid = try SweepGrid.parse(try ConfigFile.canonicalKeys(Dictionary(axes(), uniquingKeysWith: { $1 }), path: "flags")
                .map { ($0.key, $0.value as? String ?? "") }.sorted { $0.0 < $1.0 })
            guard grid.size > 0, !grid.axes.isEmpty else {
                throw ValidationError("give at least one setting with alternatives, e.g. --lr 1e-3,3e-4")
            }
            // Every trial is resolved and checked before anything runs.
            let combinations = random.map { grid.sample($0, seed: UInt64(truncatingIfNeeded: base.seed)) } ?? grid.combinations()
            let trials = try combinations.map { try base.merging($0, source: "sweep") }
            for trial in trials { try trial.validate() }
            let store = try options.openStore()
            InterruptFlag.install()
            let runner = SweepRunner(
                store: store, output: RunOutput(quiet: options.quiet, toStandardError: options.json), jobs: jobs,
                commandLine: SER.Run.commandLine())
            let summary = try runner.run(base: base, grid: grid, trials: trials, name: name, tags: tags)
            if options.json {
                try printJSON(summary)
            } else if !options.quiet {
                print(summary.table)
            }
            if summary.status != "finished" { throw ExitCode.failure }
        }
    }
}
