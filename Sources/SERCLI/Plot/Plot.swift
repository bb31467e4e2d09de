import SERCore
import SERReports
import SERWorkbench
import ArgumentParser

extension SER {
    /// `ser plot …`: pictures straight from the database.
    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw exploration plots, training curves and confusion matrices (PNG, SVG or PDF).",
            discussion: """
                Every plot command takes -o FILE and --format png|svg|pdf; without -o it writes a file \
                named after what it plots into the current folder and prints its name. Files are written \
                atomically: a failed plot leaves nothing behind. For a paper: --size 3.5x2.4in, \
                --font-size 7, --title '' (or a title of your own), --dpi 300; SVG text is real <text>, \
                PDF embeds its font. Classes follow the corpus's canonical order everywhere \
                (--class-order to change it). Gallery: docs/FIGURES.md.
                """,
            subcommands: [
                Curves.self, Confusion.self, PerClass.self, Waveform.self, Spectrogram.self, MFCC.self, Chroma.self,
                Features.self, Dataset.self, Emotions.self, Contrast.self, Sweep.self,
            ])
    }
}
