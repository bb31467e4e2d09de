import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERPlot

extension SER.Plot {
    /// `ser plot mfcc CLIP`: from the clip's cached features.
    struct MFCC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mfcc",
            abstract: "A clip's MFCCs over time, from its cached features.")

        @Argument(help: ArgumentHelp("Clip id or path.", valueName: "clip"))
        var clip: String

        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let store = try options.openStore()
            let info = try ClipResolver.clip(clip, store: store)
            let cached = try CachedFeatures.load(.mfcc, clip: info, store: store)
            let figure = FeatureMapFigure.figure(
                cached.matrix, secondsPerFrame: cached.secondsPerFrame,
                title: "clip \(info.id) · \(info.label): \(cached.matrix.rows) MFCCs (\(cached.config.name))",
                yLabel: "MFCC coefficient", colorMap: .viridis, valueRange: FeatureMapFigure.robustRange(cached.matrix, skippingRows: 1),
                colorbarLabel: "coefficient value (scaled to MFCC 1…)")
            try output.write(figure, defaultBase: "mfcc-clip\(info.id)", options: options)
        }
    }
}
