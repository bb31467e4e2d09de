import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERPlot

extension SER.Plot {
    /// `ser plot contrast CLIP`: from the clip's cached features.
    struct Contrast: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A clip's spectral contrast over time (peak-to-valley level per octave band, dB), from its cached features.")

        @Argument(help: ArgumentHelp("Clip id or path.", valueName: "clip"))
        var clip: String

        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let store = try options.openStore()
            let info = try ClipResolver.clip(clip, store: store)
            let cached = try CachedFeatures.load(.contrast, clip: info, store: store)
            let bands = Self.bandLabels(params: cached.config.params, rows: cached.matrix.rows)
            let figure = FeatureMapFigure.figure(
                cached.matrix, secondsPerFrame: cached.secondsPerFrame,
                title: "clip \(info.id) · \(info.label): spectral contrast (\(cached.config.name))",
                yLabel: bands == nil ? "contrast band" : "octave band (Hz)", rowLabels: bands, colorMap: .viridis,
                valueRange: FeatureMapFigure.robustRange(cached.matrix), colorbarLabel: "peak − valley (dB)")
            try output.write(figure, defaultBase: "contrast-clip\(info.id)", options: options)
        }

        /// librosa's octave bands: `0–fMin`, then `fMin·2^k … fMin·2^(k+1)`, the last up to the
        /// Nyquist frequency; labels such as `200–400`, `3.2k–6.4k`. `nil` when the recipe's
        /// sample rate or band count is not known or does not match `rows`.
        static func bandLabels(params: String, rows: Int) -> [String]? {
            guard let object = try? JSONSerialization.jsonObject(with: Data(params.utf8)) as? [String: Any],
                let rate = CachedFeatures.sampleRate(params)
            else { return nil }
            let fMin = (object["contrastFMin"] as? NSNumber)?.doubleValue ?? 200
            let bands = (object["contrastBands"] as? NSNumber)?.intValue ?? 6
            guard bands + 1 == rows else { return nil }
            var edges = [0.0] + (0...bands).map { fMin * pow(2, Double($0)) }
            edges[edges.count - 1] = rate / 2
            return (0..<rows).map { "\(FrequencyTicks.label(edges[$0]))–\(FrequencyTicks.label(edges[$0 + 1]))" }
        }
    }
}
