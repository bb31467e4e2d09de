import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser ensemble RUN RUN...`: combine k-fold runs with the same folds into one.
    struct Ensemble: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine k-fold runs that share their folds into one k-fold run that averages their class probabilities.",
            discussion: """
                The runs must be finished k-fold parents on the same dataset version with the \
                same folds (the same --seed and --split). Fold i of the new run classifies each \
                of its test clips by the mean of the members' fold-i probabilities: their \
                recorded test predictions are averaged, nothing is retrained. The new run has \
                per-fold metrics, per-class scores, confusion matrices and predictions like any \
                k-fold run, so compare, show and report treat it as one; `ser evaluate` on it \
                averages every member's fold models. Choose the members by validation scores \
                (`ser compare` shows val acc/F1), not by their test scores.
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("The k-fold runs to combine (two or more).", valueName: "run"))
        var runs: [Int64] = []

        @Option(help: ArgumentHelp("A name for the new run.", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("A tag (repeatable).", valueName: "tag"))
        var tag: [String] = []

        func validate() throws {
            if runs.count < 2 { throw ValidationError("give at least two k-fold runs to combine") }
        }

        func run() throws {
            let store = try options.openStore()
            let plan = try EnsembleBuilder(store: store).plan(runs)
            let k = plan.folds.count
            let config = "{\"\(EnsembleBuilder.membersKey)\":[\(runs.map(String.init).joined(separator: ","))],\"combine\":\"mean of class probabilities\"}"
            let provenance = ProvenanceCollector.collect(datasetHash: plan.datasetHash, featureConfigHash: plan.featureConfigHash)
            func newRun(_ kind: String, parent: Int64?, name: String?) -> NewRun {
                NewRun(
                    name: name, kind: kind, parentID: parent, datasetVersionID: plan.datasetVersionID,
                    featureConfigID: plan.featureConfigID, split: "kfold:\(k)", seed: 0, config: config,
                    commandLine: SER.Run.commandLine(), tags: parent == nil ? tag : [],
                    hyperparameters: [EnsembleBuilder.membersKey: "[\(runs.map(String.init).joined(separator: ","))]"],
                    provenance: provenance)
            }
            let title = name ?? "ensemble of \(runs.map(String.init).joined(separator: ", "))"
            let parent = try store.createRun(newRun("kfold", parent: nil, name: title))
            do {
                try store.markRunning(parent, pid: getpid())
                var tests: [EvaluationRecord] = []
                for (i, fold) in plan.folds.enumerated() {
                    let child = try store.createRun(newRun("fold", parent: parent, name: "\(title) fold \(i + 1)"))
                    try store.recordSplit(child, train: fold.train, validation: fold.validation, test: fold.test)
                    try store.recordEvaluation(child, fold.evaluation)
                    try store.endRun(child, status: "finished")
                    tests.append(fold.evaluation)
                }
                let aggregate = RunOrchestrator.aggregate(tests)
                try store.recordAggregate(parent, subset: "test", metrics: aggregate)
                try store.endRun(parent, status: "finished")
                if options.json {
                    struct Report: Encodable { let run: Int64; let members: [Int64]; let folds: Int; let accuracy: Double; let accuracyStd: Double; let macroF1: Double; let uar: Double }
                    try printJSON(Report(
                        run: parent, members: runs, folds: k, accuracy: aggregate["accuracy"]?.mean ?? 0,
                        accuracyStd: aggregate["accuracy"]?.std ?? 0, macroF1: aggregate["macro_f1"]?.mean ?? 0, uar: aggregate["uar"]?.mean ?? 0))
                } else if !options.quiet {
                    print(String(
                        format: "run %lld: ensemble of %@ over %d folds: accuracy %.3f ± %.3f, macro-F1 %.3f ± %.3f, UAR %.3f ± %.3f",
                        parent, runs.map(String.init).joined(separator: ", "), k, aggregate["accuracy"]?.mean ?? 0, aggregate["accuracy"]?.std ?? 0,
                        aggregate["macro_f1"]?.mean ?? 0, aggregate["macro_f1"]?.std ?? 0, aggregate["uar"]?.mean ?? 0, aggregate["uar"]?.std ?? 0))
                }
            } catch {
                try? store.endRun(parent, status: "failed", error: "\(error)")
                throw error
            }
        }
    }
}
