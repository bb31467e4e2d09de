import SERReports
public import SERWorkbench
public import ArgumentParser
import Foundation
import SERCore
import SERONNX
import SERStore

extension SER {
    /// `ser export RUN --format onnx|safetensors|json [-o PATH]`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a run's best model as ONNX, safetensors or JSON, with its feature recipe and classes.",
            discussion: """
                onnx: the whole classifier (normalisation, ONNX LSTM operators, pooling, dense layers, softmax; opset 17) \
                with inputs features [batch, frames, dims] float32 and optional lengths [batch] int32, and output probabilities \
                [batch, classes]. safetensors: the weights by name (docs/WEIGHTS.md) plus normalization.mean/std. json: a \
                readable dump. Every format carries the metadata: classes, feature_config (every feature parameter, to \
                recompute features with librosa), dataset_version, run_id, ser_version. The export is recorded, so \
                `ser which FILE` traces the file back to its run.

                Examples:
                  ser export last -o emotion.onnx
                  ser export @paper --format safetensors -o model.safetensors --force
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("The run to export.", valueName: "run"))
        var reference: RunArgument

        @Option(name: .long, help: ArgumentHelp("The file format.", valueName: "format"))
        var format: ModelFormat = .onnx

        @Option(
            name: [.customShort("o"), .long], help: ArgumentHelp("The file to write (default: run-RUN.FORMAT here).", valueName: "path"))
        var output: String?

        @Flag(name: .long, help: "Overwrite an existing file.")
        var force = false

        @Flag(name: .long, help: "Export a run that is not finished (its best checkpoint so far).")
        var allowPartial = false

        func validate() throws {
            if let output, output.isEmpty { throw ValidationError("--output: give a file path") }
        }

        func run() throws {
            let workbench = try options.workbench()
            let runID = try reference.resolve(in: workbench.store)
            let destination = try ExportDestination(output ?? "run-\(runID).\(format.fileExtension)", force: force)
            let export = try workbench.export(run: runID, as: format, allowPartial: allowPartial)
            try destination.write(export.bytes)
            let record = try workbench.recordExport(export, path: destination.path)
            if options.json {
                try printJSON(record)
            } else if !options.quiet {
                let what = export.models == 1 ? "epoch \(export.epoch)" : "an ensemble of \(export.models) models"
                print("exported run \(runID) (\(what)) as \(format.rawValue) to \(destination.path)")
                print("  \(export.bytes.count) bytes, sha256 \(export.sha256)")
            }
        }
    }
}

extension ModelFormat: ExpressibleByArgument {}
