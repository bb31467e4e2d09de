import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERPlot

extension SER.Plot {
    /// `ser plot confusion RUN [--normalize]`.
    struct Confusion: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A run's confusion matrix: counts and row percentages, class names on both axes.")

        @Argument(help: ArgumentHelp("The run: an id, a name or prefix, last, last~N or @tag.", valueName: "run"))
        var reference: RunArgument

        @Flag(help: "Colour cells by the fraction of their true class (recall) instead of the count.")
        var normalize = false

        @Option(help: ArgumentHelp("test, val or train (default: test if evaluated, else val).", valueName: "subset"))
        var subset: String?

        @Option(help: ArgumentHelp("Colour map: viridis, magma, blues or gray.", valueName: "name"))
        var cmap = "viridis"

        @OptionGroup var classes: ClassOrderOption
        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func validate() throws {
            if let subset, !["test", "val", "train"].contains(subset) {
                throw ValidationError("--subset must be test, val or train (got \(subset)).")
            }
            guard ColorMap.named(cmap) != nil else { throw ValidationError("--cmap must be viridis, magma, blues or gray (got \(cmap)).") }
        }

        func run() throws {
            let store = try options.openStore()
            let runID = try reference.resolve(in: store)
            let overview = try RunFigures.overview(runID, store: store)
            let available = try store.evaluatedSubsets(runID)
            guard let chosen = subset ?? available.first else {
                throw ReportError(
                    .noData, "run \(runID)", "has no evaluation yet (status \(overview.status)); no confusion matrix to plot")
            }
            guard let matrix = try store.confusion(runID, subset: chosen) else {
                throw ReportError(
                    .noData, "run \(runID)",
                    "was not evaluated on \(chosen) (evaluated: \(available.isEmpty ? "none" : available.joined(separator: ", ")))")
            }
            let figure = RunFigures.confusion(
                matrix, run: overview, normalize: normalize, colorMap: ColorMap.named(cmap) ?? .viridis,
                order: try classes.order(matrix.labels))
            try output.write(figure, defaultBase: "confusion-run\(runID)-\(chosen)", options: options)
        }
    }
}
