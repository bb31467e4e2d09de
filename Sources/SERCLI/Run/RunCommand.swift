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

                Examples:
                  ser run --test-speakers 15,16,17,18 --epochs 30 --name seed-30ep
                  ser run --recipe best --split kfold:6
                  ser run --resume last          # continue after Ctrl-C or a crash
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
        @Option(help: ArgumentHelp("Re-run a run with its exact resolved settings and say whether the metrics are identical.", valueName: "run"))
        var reproduce: RunArgument?
        @Option(help: ArgumentHelp("Train one run per seed, all on the same split (--split-seed, default --seed), and record their ensemble: the mean of their class probabilities, as `ser ensemble` makes it (e.g. --seeds 42,1,2).", valueName: "seeds"))
        var seeds: String?
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
                let list = try RunOptions.sizes(seeds, flag: "--seeds", allowNone: false)
                guard list.count >= 2, list.allSatisfy({ $0 >= 0 }), Set(list).count == list.count else {
                    throw ValidationError("--seeds: expected two or more different whole numbers such as 42,1,2 (got '\(seeds)')")
                }
            }
            if resume != nil, let given = try? hyperparameters.overrides(), !given.isEmpty {
                throw ValidationError("--resume continues a run with its own settings; drop \(given.keys.sorted().map { "--" + $0 }.joined(separator: ", "))")
            }
        }

        func run() throws {
            let store = try options.openStore()
            InterruptFlag.install()
            let output = RunOutput(quiet: options.quiet, toStandardError: options.json)
            let started = Date()
            let outcome: RunOrchestrator.Outcome
            let orchestrator = RunOrchestrator(store: store, output: output, commandLine: Self.commandLine())
            if let seeds {
                try ensemble(seeds: try RunOptions.sizes(seeds, flag: "--seeds", allowNone: false), store: store, orchestrator: orchestrator, output: output)
                return
            }
            if let resume {
                outcome = try orchestrator.resume(try resume.resolve(in: store))
            } else {
                var settings: RunSettings
                let reproduces = try reproduce?.resolve(in: store)
                if let reproduces {
                    settings = try orchestrator.settings(of: reproduces)
                } else {
                    settings = try hyperparameters.resolve()
                }
                try settings.validate()
                outcome = try orchestrator.start(
                    settings, name: name, tags: tags, note: note, parentID: parent, kind: kind, reproduces: reproduces)
            }
            let seconds = Date().timeIntervalSince(started)
            if options.json {
                try printJSON(outcome.report)
            } else {
                output.summary(runID: outcome.runID, test: outcome.test, bestEpoch: outcome.bestEpoch, selectedEpoch: outcome.selectedEpoch, seconds: seconds)
                if let note = outcome.reproductionNote { output.note(note) }
            }
            if outcome.status == "interrupted" { throw ExitCode(130) }
            if outcome.status != "finished" { throw ExitCode.failure }
        }

        /// `--seeds`: one run per seed on one split, then their ensemble. Stops at the first
        /// member that does not finish (the finished ones stay, as separate runs).
        private func ensemble(seeds: [Int], store: Store, orchestrator: RunOrchestrator, output: RunOutput) throws {
            var base = try hyperparameters.resolve()
            base.splitSeed = base.splitSeed ?? base.seed
            try base.validate()
            let title = name ?? "\(base.recipe) × seeds \(seeds.map(String.init).joined(separator: ","))"
            var members: [Int64] = []
            let folds: Int
            if case .kfold(let k) = try base.splitPlan() { folds = k } else { folds = 1 }
            output.clock.plan(epochs: seeds.count * folds * base.epochs)
            for seed in seeds {
                var settings = base
                settings.seed = seed
                output.note("\n— seed \(seed) (\(members.count + 1)/\(seeds.count)) —")
                let outcome = try orchestrator.start(
                    settings, name: "\(title) seed \(seed)", tags: tags, note: note, parentID: nil, kind: nil, reproduces: nil)
                if outcome.status == "interrupted" { throw ExitCode(130) }
                guard outcome.status == "finished" else {
                    throw RunFailure("run \(outcome.runID) (seed \(seed)) ended \(outcome.status); no ensemble was recorded")
                }
                members.append(outcome.runID)
            }
            let builder = EnsembleBuilder(store: store)
            let plan = try builder.plan(members)
            let (run, aggregate) = try builder.record(plan, name: title, tags: tags, commandLine: Self.commandLine())
            if options.json {
                try printJSON(EnsembleReport(run: run, members: members, plan: plan, aggregate: aggregate))
            } else if !options.quiet {
                print(EnsembleBuilder.summary(run: run, members: members, folds: plan.kind == "kfold" ? plan.folds.count : nil, aggregate))
            }
        }

        /// The command line as typed, shell-quoted where needed.
        static func commandLine() -> String {
            CommandLine.arguments.map { arg in
                arg.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,@+".contains($0) } ? arg : "'" + arg.replacingOccurrences(of: "'", with: "'\\''") + "'"
            }.joined(separator: " ")
        }
    }
}
