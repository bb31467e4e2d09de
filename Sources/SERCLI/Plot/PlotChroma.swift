import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERPlot

extension SER.Plot {
    /// `ser plot chroma CLIP`: from the clip's cached features.
    struct Chroma: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A clip's chromagram (energy per pitch class over time), from its cached features.")

        @Argument(help: ArgumentHelp("Clip id or path.", valueName: "clip"))
        var clip: String

        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let store = try options.openStore()
            let info = try ClipResolver.clip(clip, store: store)
            let cached = try CachedFeatures.load(.chroma, clip: info, store: store)
            let labels = cached.matrix.rows == 12 ? FeatureMapFigure.pitchClasses : nil
            let figure = FeatureMapFigure.figure(
                cached.matrix, secondsPerFrame: cached.secondsPerFrame,
                title: "clip \(info.id) · \(info.label): chroma (\(cached.config.name))",
                yLabel: "pitch class", rowLabels: labels, colorMap: .viridis,
                valueRange: 0...max(1, Double(cached.matrix.values.max() ?? 1)),
                colorbarLabel: "relative energy")
            try output.write(figure, defaultBase: "chroma-clip\(info.id)", options: options)
        }
    }
}
