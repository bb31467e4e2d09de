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
                with that speaker's own clips first (no labels used). Clips whose label the run \
                does not know are left out and counted.

                Examples:
                  ser evaluate last --dataset holdout
                  ser evaluate @paper --dataset emodb --json
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(
            help: ArgumentHelp("The run (a training run, a fold, or a k-fold parent for the ensemble of its folds).", valueName: "run"))
        var reference: RunArgument

        @Option(name: .long, help: ArgumentHelp("The labelled dataset to evaluate on: NAME or NAME@VERSION.", valueName: "name"))
        var dataset: String

        func run() throws {
            let workbench = try options.workbench()
            let evaluation = try workbench.evaluate(run: try reference.resolve(in: workbench.store), dataset: dataset)
            if options.json {
                try printJSON(EvaluationReport(evaluation, dataset: dataset))
                return
            }
            guard !options.quiet else { return }
            print(EvaluationReport(evaluation, dataset: dataset).text())
        }
    }
}
