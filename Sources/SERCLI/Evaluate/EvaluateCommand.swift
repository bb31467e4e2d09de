import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser evaluate RUN --dataset D`: measure a trained run on a labelled dataset.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure a trained run on another labelled dataset (new speakers, another corpus).",
            discussion: """
                The dataset's clips are featurised with the run's recipe (cached like any \
                features), normalised as the run's test clips were, and classified by the run's \
                best weights; a k-fold parent is evaluated as the ensemble of its folds (class \
                probabilities averaged). Prints accuracy, macro-F1, UAR, per-class scores, the \
                confusion matrix and per-speaker accuracy, and records them in table \
                evaluations. A --normalization speaker run z-scores each speaker of the dataset \
                with that speaker's own clips first (no labels used); --enroll-clips N uses only N of \
                them and scores the rest, the accuracy after enrolling a new speaker with N \
                recordings. Clips whose label the run \
                does not know are left out and counted.

                Examples:
                  ser evaluate last --dataset holdout
                  ser evaluate @paper --dataset emodb --json
                  ser evaluate per-speaker --dataset holdout --enroll-clips 10
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(
            help: ArgumentHelp("The run (a training run, a fold, or a k-fold parent for the ensemble of its folds).", valueName: "run"))
        var reference: RunArgument

        @Option(name: .long, help: ArgumentHelp("The labelled dataset to evaluate on: NAME or NAME@VERSION.", valueName: "name"))
        var dataset: String

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Per-speaker runs: normalise each speaker with N of their clips (not scored), as after enrolling a new speaker with N recordings; 'all' (the default) uses every clip.",
                valueName: "n|all"))
        var enrollClips: String?

        @Option(name: .long, help: ArgumentHelp("Seed of the enrolment clips' choice (default 0).", valueName: "n"))
        var enrollSeed: Int = 0

        func validate() throws {
            if let enrollClips, enrollClips != "all", (Int(enrollClips) ?? 0) < 1 {
                throw ValidationError("--enroll-clips must be a whole number ≥ 1 or 'all' (got \(enrollClips))")
            }
        }

        func run() throws {
            let workbench = try options.workbench()
            let clips = enrollClips.flatMap { Int($0) }
            let evaluation = try workbench.evaluate(
                run: try reference.resolve(in: workbench.store), dataset: dataset, enrollment: clips.map { ($0, enrollSeed) })
            if options.json {
                try printJSON(EvaluationReport(evaluation, dataset: dataset))
                return
            }
            guard !options.quiet else { return }
            print(EvaluationReport(evaluation, dataset: dataset).text())
        }
    }
}
