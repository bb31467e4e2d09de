import SERCore
import SERReports
import SERWorkbench
public import ArgumentParser
import Foundation
public import SERPlot

extension RenderFormat: ExpressibleByArgument {}

/// `-o/--output`, `--format`, `--scale`: where and how every plot command writes its picture.
struct PlotOutputOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The file to write (default: a name made from what is plotted, in this folder).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("png, svg or pdf (default: the output's extension, else png).", valueName: "format"))
    var format: RenderFormat?

    @Option(
        name: .customLong("scale"),
        help: ArgumentHelp("PNG pixels per point, 0.5…4 (figures are about 720×450 points).", valueName: "factor"))
    var scaleFactor: Double = 1

    @Option(help: ArgumentHelp("PNG pixels per inch, 36…600 (instead of --scale; 300 for print). Written into the PNG.", valueName: "n"))
    var dpi: Double?

    @Option(help: ArgumentHelp("Figure size with a unit: 6x4in, 432x288pt, 16x10cm (default: made for the plot).", valueName: "WxH"))
    var size: FigureSize?

    @Option(
        name: .customLong("font-size"),
        help: ArgumentHelp("Tick-label size in points, 5…24; other text scales with it (default 10).", valueName: "pt"))
    var fontSize: Double?

    @Option(help: ArgumentHelp("Replace the figure's title; --title '' removes every title (for a captioned figure).", valueName: "text"))
    var title: String?

    /// PNG pixels per point: `--dpi` / 72, else `--scale`.
    var scale: Double { dpi.map { $0 / 72 } ?? scaleFactor }

    /// `figure` as the options ask: resized, fonts scaled, retitled.
    func prepared(_ figure: Figure) -> Figure {
        var out = figure
        if let size {
            out.width = size.width
            out.height = size.height
        }
        if let fontSize { out.theme = out.theme.withFontSize(fontSize) }
        if let title { out = out.retitled(title) }
        return out
    }

    func validate() throws {
        guard (0.5...4).contains(scaleFactor) else { throw ValidationError("--scale must be between 0.5 and 4 (got \(scaleFactor)).") }
        if let dpi {
            guard (36...600).contains(dpi) else { throw ValidationError("--dpi must be between 36 and 600 (got \(dpi)).") }
            guard scaleFactor == 1 else { throw ValidationError("Give --dpi or --scale, not both.") }
        }
        if let fontSize, !(5...24).contains(fontSize) {
            throw ValidationError("--font-size must be between 5 and 24 points (got \(fontSize)).")
        }
        if let format, let output, let implied = RenderFormat(pathExtension: output), implied != format {
            throw ValidationError("--format \(format.rawValue) contradicts the output file's extension (\(output)).")
        }
    }

    /// The format to write.
    var resolvedFormat: RenderFormat {
        format ?? output.flatMap(RenderFormat.init(pathExtension:)) ?? .png
    }

    /// The output path: `--output`, else `base.<ext>` in the current folder.
    func path(defaultBase base: String) -> String {
        output ?? "\(base).\(resolvedFormat.fileExtension)"
    }

    /// Writes `figure` atomically and tells the user where: one line of text, or with `--json`
    /// an object `{"path", "format", "width", "height", "unit"}`; nothing with `--quiet`.
    func write(_ figure: Figure, defaultBase base: String, options: GlobalOptions) throws {
        let figure = prepared(figure)
        let target = path(defaultBase: base)
        try figure.write(to: target, format: resolvedFormat, scale: scale)
        let raster = resolvedFormat == .png
        let written = WrittenFigure(
            path: target, format: resolvedFormat.rawValue,
            width: raster ? Int((figure.width * scale).rounded()) : Int(figure.width),
            height: raster ? Int((figure.height * scale).rounded()) : Int(figure.height), unit: raster ? "px" : "pt")
        if options.json {
            try printJSON(written)
        } else if !options.quiet {
            print("Wrote \(target) (\(resolvedFormat.rawValue.uppercased()), \(written.width)×\(written.height) \(written.unit)).")
        }
    }
}
