import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser ensemble RUN RUN...`: combine k-fold runs with the same folds into one.
    struct Ensemble: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Combine k-fold runs that share their folds (or training or fold runs that share their test clips) into one run that averages their class probabilities.",
            discussion: """
                The runs must be finished k-fold parents on the same dataset version with the \
                same folds (the same --split-seed and --split), or finished training runs or \
                fold runs with the same test clips (fold i of several seeds' k-fold runs: one \
                model per seed for those test speakers, e.g. for `ser evaluate --enroll-clips`). \
                Fold i of the new run classifies each \
                of its test clips by the mean of the members' fold-i probabilities: their \
                recorded test predictions are averaged, nothing is retrained. The new run has \
                per-fold metrics, per-class scores, confusion matrices and predictions like any \
                k-fold run, so compare, show and report treat it as one; `ser evaluate` on it \
                averages every member's fold models. Choose the members by validation scores \
                (`ser compare` shows val acc/F1), not by their test scores.

                Examples:
                  ser ensemble 12 15 18 --name best3
                  ser ensemble seed-42 seed-1 seed-2
                  ser ensemble "bs6 fold 1" "bs6s1 fold 1" "bs6s2 fold 1" --name bs3-fold1
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("The k-fold runs (or training or fold runs) to combine, two or more.", valueName: "run"))
        var references: [RunArgument] = []

        @Option(help: ArgumentHelp("A name for the new run.", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("A tag (repeatable).", valueName: "tag"))
        var tag: [String] = []

        func validate() throws {
            if references.count < 2 { throw ValidationError("give at least two k-fold runs to combine") }
        }

        func run() throws {
            let workbench = try options.workbench()
            let runs = try references.resolve(in: workbench.store)
            try EnsembleOutput(options: options).print(try workbench.ensemble(runs, TrainingRequest(name: name, tags: tag)))
        }
    }
}
