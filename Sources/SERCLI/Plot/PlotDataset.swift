import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERPlot

extension SER.Plot {
    /// `ser plot dataset D`.
    struct Dataset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A dataset at a glance: clips per emotion and per speaker, duration histogram, durations per emotion.")

        @Argument(help: ArgumentHelp("Dataset name.", valueName: "dataset"))
        var dataset: String

        @OptionGroup var classes: ClassOrderOption
        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let store = try options.openStore()
            let clips = try DatasetFigures.clips(dataset, store: store)
            try output.write(
                DatasetFigures.overview(dataset, clips: clips, order: try classes.order(clips.map(\.label))),
                defaultBase: "dataset-\(FileStem.safe(dataset))", options: options)
        }
    }
}
