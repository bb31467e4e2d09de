import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERPlot

extension SER.Plot {
    /// `ser plot curves RUN...`: loss and accuracy per epoch.
    struct Curves: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Training and validation loss and accuracy per epoch; several runs are overlaid with a legend.",
            discussion: """
                A sweep, k-fold or seeds parent stands for its child runs (at most 20: those with the best \
                validation accuracy). One colour per run; training solid, validation dashed.
                """)

        @Argument(help: ArgumentHelp("Runs: ids, names or prefixes, last, last~N or @tag.", valueName: "run"))
        var references: [RunArgument]

        @Option(
            parsing: .upToNextOption,
            help: ArgumentHelp("Panels, in order: loss, accuracy, f1, uar, lr (default: loss accuracy).", valueName: "metric"))
        var metrics: [CurveMetric] = [.loss, .accuracy]

        /// The most runs one figure overlays (a parent's children included).
        static let limit = 20

        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func validate() throws {
            guard !references.isEmpty else { throw ValidationError("Name at least one run (an id, a name, last or @tag; see `ser runs`).") }
            guard !metrics.isEmpty, Set(metrics).count == metrics.count else {
                throw ValidationError("--metrics needs one or more of loss, accuracy, f1, uar, lr, each at most once.")
            }
            guard references.count <= 10 else { throw ValidationError("At most 10 runs can be overlaid (got \(references.count)).") }
        }

        func run() throws {
            let store = try options.openStore()
            let runs = try references.resolve(in: store)
            var histories = try RunFigures.histories(runs, store: store)
            if histories.count > Self.limit {
                // A big sweep: its best trials by validation accuracy (the rest would be noise).
                let score = { (h: RunFigures.RunHistory) in h.epochs.compactMap(\.validationAccuracy).max() ?? -1 }
                histories = Array(histories.sorted { score($0) > score($1) }.prefix(Self.limit)).sorted { $0.run.id < $1.run.id }
                if !options.quiet {
                    Console.error("note: drawing the \(Self.limit) runs with the best validation accuracy of the children\n")
                }
            }
            let figure = RunFigures.curves(histories, metrics: metrics)
            try output.write(figure, defaultBase: "curves-" + runs.map { "run\($0)" }.joined(separator: "-"), options: options)
        }
    }
}
