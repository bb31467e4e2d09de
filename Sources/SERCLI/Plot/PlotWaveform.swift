import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERPlot

extension SER.Plot {
    /// `ser plot waveform CLIP`.
    struct Waveform: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A clip's waveform (mono mix, amplitude over time).",
            discussion:
                "CLIP is a clip id, the clip's path, or its path relative to its dataset root; an audio file outside the database is drawn too."
        )

        @Argument(help: ArgumentHelp("Clip id or path.", valueName: "clip"))
        var clip: String

        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let audio = try options.clipAudio(clip)
            let chart = WaveformChart(
                samples: audio.samples, sampleRate: Double(audio.sampleRate),
                title: "\(audio.title) (\(audio.sampleRate) Hz)")
            try output.write(Figure(width: 900, height: 320, panels: [chart]), defaultBase: "waveform-\(audio.stem)", options: options)
        }
    }
}
