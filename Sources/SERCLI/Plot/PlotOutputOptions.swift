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

    @Option(help: ArgumentHelp("PNG pixels per point, 0.5…4 (figures are about 720×450 points).", valueName: "factor"))
    var scale: Double = 1

    func validate() throws {
        guard (0.5...4).contains(scale) else { throw ValidationError("--scale must be between 0.5 and 4 (got \(scale)).") }
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
