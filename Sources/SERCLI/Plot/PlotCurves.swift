import ArgumentParser
import SERPlot

extension SER.Plot {
    /// `ser plot curves RUN...`: loss and accuracy per epoch.
    struct Curves: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Training and validation loss and accuracy per epoch; several runs are overlaid with a legend.")

        @Argument(help: ArgumentHelp("Run ids.", valueName: "run"))
        var runs: [Int64]

        @Option(
            parsing: .upToNextOption,
            help: ArgumentHelp("Panels, in order: loss, accuracy, f1, uar, lr (default: loss accuracy).", valueName: "metric"))
        var metrics: [CurveMetric] = [.loss, .accuracy]

        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func validate() throws {
            guard !runs.isEmpty else { throw ValidationError("Name at least one run id (see `ser status`).") }
            guard !metrics.isEmpty, Set(metrics).count == metrics.count else {
                throw ValidationError("--metrics needs one or more of loss, accuracy, f1, uar, lr, each at most once.")
            }
            guard runs.count <= 10 else { throw ValidationError("At most 10 runs can be overlaid (got \(runs.count)).") }
        }

        func run() throws {
            let store = try options.openStore()
            let figure = RunFigures.curves(try RunFigures.histories(runs, store: store), metrics: metrics)
            try output.write(figure, defaultBase: "curves-" + runs.map { "run\($0)" }.joined(separator: "-"), options: options)
        }
    }
}
