import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERPlot

extension SER.Plot {
    /// `ser plot sweep RUN`.
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "A sweep's trials: parallel coordinates of settings against validation (and test) accuracy, and accuracy per setting.",
            discussion: """
                RUN is the sweep's parent run (see `ser runs`). Trials are chosen on validation accuracy; test \
                accuracy is drawn grey and dashed, for reference only. Numeric settings spanning a factor of 10 \
                or more (learning rates) use a log scale; ticks sit at the values swept. Also works for a k-fold \
                or seeds parent (the settings that differ between its children).
                """)

        @Argument(help: ArgumentHelp("The sweep: an id, a name or prefix, last, last~N or @tag.", valueName: "run"))
        var reference: RunArgument

        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let store = try options.openStore()
            let runID = try reference.resolve(in: store)
            let sweep = try SweepTrials.load(runID, store: store)
            guard !sweep.keys.isEmpty else {
                throw ReportError(.noData, "run \(runID)", "its \(sweep.trials.count) child runs do not differ in any setting")
            }
            try output.write(SweepFigures.figure(sweep), defaultBase: "sweep-run\(runID)", options: options)
        }
    }
}
