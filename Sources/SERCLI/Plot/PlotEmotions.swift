import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERPlot
import SERStore

extension SER.Plot {
    /// `ser plot emotions --dataset D [--speaker S] [--seed N]`.
    struct Emotions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One clip per emotion: waveform and dB mel spectrogram side by side, on shared scales.",
            discussion: """
                Each emotion's clip is a seeded random choice among its clips (--seed), or among one speaker's \
                (--speaker), so that the picture is the same every time. Waveforms share one amplitude scale \
                and spectrograms one dB reference (0 dB = the loudest bin of all the clips shown), so a quiet \
                emotion looks quiet.
                """)

        @Option(help: ArgumentHelp("Dataset name.", valueName: "dataset"))
        var dataset: String

        @Option(help: ArgumentHelp("Take every clip from this speaker.", valueName: "id"))
        var speaker: String?

        @Option(help: ArgumentHelp("Seed of the choice of clips.", valueName: "n"))
        var seed: UInt64 = 1

        @OptionGroup var classes: ClassOrderOption
        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let store = try options.openStore()
            let clips = try DatasetFigures.clips(dataset, store: store)
            if let speaker, !clips.contains(where: { $0.speaker == speaker }) {
                let speakers = Set(clips.compactMap(\.speaker)).sorted()
                throw ReportError(
                    .noData, "dataset \(dataset)", "has no clips of speaker \(speaker) (speakers: \(speakers.joined(separator: ", ")))")
            }
            let order = try classes.order(clips.map(\.label))
            let chosen = EmotionGallery.choose(clips, order: order, speaker: speaker, seed: seed)
            let audios = try chosen.map { try options.clipAudio(String($0.id)) }
            let note = speaker.map { "speaker \($0)" } ?? "seed \(seed)"
            let figure = try EmotionGallery.figure(audios, dataset: dataset, note: note)
            try output.write(figure, defaultBase: "emotions-\(FileStem.safe(dataset))", options: options)
        }
    }
}
