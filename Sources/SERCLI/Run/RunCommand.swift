import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERExperiment
import SERStore

extension SER {
    /// `ser run`: trains a tracked experiment, or resumes or reproduces one.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Train and evaluate a tracked experiment; everything is recorded in the database.",
            discussion: """
                Defaults reproduce the seed pipeline (MFCC 40 + chroma + contrast, LSTM 128→64, \
                Dense 64, Adam 1e-3, 30 epochs, batch 32, 200 frames) with a speaker-independent \
                split. Settings come from defaults, then --config FILE, then flags; every resolved \
                value is stored with the run. Each epoch is committed as it ends: Ctrl-C marks the \
                run interrupted, and --resume RUN continues it to the result it would have reached.

                \(RunOptions.help)

                Examples:
                  ser run --test-speakers 15,16,17,18 --epochs 30 --name seed-30ep
                  ser run --recipe best --split kfold:6
                  ser run --resume last          # continue after Ctrl-C or a crash
                  ser run --split kfold:6 --queue origin   # for ser worker on any machine
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var hyperparameters: RunOptions

        @Option(help: ArgumentHelp("A name for the run.", valueName: "name"))
        var name: String?
        @Option(name: .customLong("tag"), help: ArgumentHelp("A tag (repeatable).", valueName: "tag"))
        var tags: [String] = []
        @Option(help: ArgumentHelp("A free-text note.", valueName: "text"))
        var note: String?
        @Option(help: ArgumentHelp("Continue an interrupted run from its last completed epoch.", valueName: "run"))
        var resume: RunArgument?
        @Option(
            help: ArgumentHelp("Re-run a run with its exact resolved settings and say whether the metrics are identical.", valueName: "run")
        )
        var reproduce: RunArgument?
        @Option(
            help: ArgumentHelp(
                "Train one run per seed, all on the same split (--split-seed, default --seed), and record their ensemble: the mean of their class probabilities, as `ser ensemble` makes it (e.g. --seeds 42,1,2).",
                valueName: "seeds"))
        var seeds: String?
        @OptionGroup var queueing: QueueOptions
        @Option(help: .hidden)
        var parent: Int64?
        @Option(help: .hidden)
        var kind: String?

        func validate() throws {
            if resume != nil && reproduce != nil {
                throw ValidationError("--resume and --reproduce cannot be combined")
            }
            if seeds != nil && (resume != nil || reproduce != nil || parent != nil) {
                throw ValidationError("--seeds trains new runs; it cannot be combined with --resume or --reproduce")
            }
            if let seeds {
                let list = try? [Int](text: seeds)
                guard let list, list.count >= 2, list.allSatisfy({ $0 >= 0 }), Set(list).count == list.count else {
                    throw ValidationError("--seeds: expected two or more different whole numbers such as 42,1,2 (got '\(seeds)')")
                }
            }
            let given = try hyperparameters.given()
            if resume != nil, !given.isEmpty || hyperparameters.config != nil {
                let flags = given.map { "--" + $0.key.kebabCased } + (hyperparameters.config == nil ? [] : ["--config"])
                throw ValidationError("--resume continues a run with its own settings; drop \(flags.joined(separator: ", "))")
            }
            if queueing.queue != nil && (resume != nil || reproduce != nil || parent != nil || kind != nil) {
                throw ValidationError("--queue enqueues a new run; it cannot be combined with --resume or --reproduce")
            }
            if let kind, RunKind(rawValue: kind) == nil {
                throw ValidationError("--kind: unknown run kind '\(kind)'")
            }
        }

        func run() throws {
            let output = RunOutput(quiet: options.quiet, toStandardError: options.json)
            let workbench = try options.workbench(observer: output)
            let started = Date()
            let resolve = { try hyperparameters.resolve(runs: { try workbench.store.resolveRun($0) }) }
            if let queue = queueing.queue {
                try RemoteSelection.refuseJSON(options, command: "run --queue")
                let request = TrainingRequest(name: name, tags: tags, note: note)
                let plan =
                    try seeds.map { try workbench.planSeeds(try resolve(), seeds: try [Int](text: $0), request) }
                    ?? workbench.planRun(try resolve(), request)
                try QueueSubmit.submit(plan, remote: queue, features: queueing.queueFeatures, workbench: workbench, quiet: options.quiet)
                return
            }
            if let seeds {
                let ensemble = try workbench.trainSeeds(
                    try resolve(), seeds: try [Int](text: seeds), TrainingRequest(name: name, tags: tags, note: note))
                try EnsembleOutput(options: options).print(ensemble)
                return
            }
            let outcome: TrainingOutcome
            if let resume {
                outcome = try workbench.resume(run: try resume.resolve(in: workbench.store))
            } else if let reproduce {
                outcome = try workbench.reproduce(
                    run: try reproduce.resolve(in: workbench.store), TrainingRequest(name: name, tags: tags, note: note))
            } else {
                let request = TrainingRequest(
                    name: name, tags: tags, note: note, parent: parent, kind: kind.flatMap(RunKind.init(rawValue:)) ?? .train)
                outcome = try workbench.train(try resolve(), request)
            }
            let seconds = Date().timeIntervalSince(started)
            if options.json {
                try printJSON(RunReport(outcome))
            } else if outcome.folds > 0 {
                // A k-fold parent has no test evaluation of its own: its folds' mean and spread.
                let values = outcome.testMetrics, stds = outcome.testStd
                output.note(
                    "\nk-fold run \(outcome.run) finished in \(Format.duration(seconds)): "
                        + String(
                            format: "test accuracy %.3f ± %.3f, macro-F1 %.3f ± %.3f, UAR %.3f ± %.3f over %d folds",
                            values["accuracy"] ?? 0, stds["accuracy"] ?? 0, values["macro_f1"] ?? 0, stds["macro_f1"] ?? 0,
                            values["uar"] ?? 0, stds["uar"] ?? 0, outcome.folds))
            } else {
                output.summary(
                    runID: outcome.run, test: outcome.test, bestEpoch: outcome.bestEpoch, selectedEpoch: outcome.selectedEpoch,
                    seconds: seconds)
                if let note = outcome.reproduction.map(RunReport.text) { output.note(note) }
            }
            if outcome.status == .interrupted { throw ExitCode(130) }
            if outcome.status != .finished { throw ExitCode.failure }
        }
    }
}
