import ArgumentParser
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
        var format: ExportFormat = .onnx

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
            let store = try options.openStore()
            let runID = try reference.resolve(in: store)
            let destination = try ExportDestination(output ?? "run-\(runID).\(format.fileExtension)", force: force)
            let model = try TrainedModel.load(store: store, runID: runID, allowPartial: allowPartial)
            let classifier = model.onnxClassifier
            let bytes: [UInt8]
            switch format {
            case .onnx:
                do {
                    bytes = try ONNXExporter.serialize(classifier)
                } catch {
                    throw ModelUseError(run: runID, "cannot be exported to ONNX: \(error.reason)")
                }
            case .safetensors:
                let normalization = [
                    NamedTensor(name: "normalization.mean", shape: [classifier.mean.count], values: classifier.mean),
                    NamedTensor(name: "normalization.std", shape: [classifier.std.count], values: classifier.std),
                ]
                var metadata = classifier.metadata
                metadata[ONNXExporter.architectureKey] = String(decoding: try JSONEncoder().encode(classifier.architecture), as: UTF8.self)
                bytes = try SafetensorsEncoder.encode(classifier.weights + normalization, metadata: metadata)
            case .json:
                let values = classifier.weights.reduce(0) { $0 + $1.values.count }
                guard values <= JSONModelDump.maximumValues else {
                    throw ModelUseError(
                        run: runID,
                        "has \(values) weights; the json format is for small models (≤ \(JSONModelDump.maximumValues)); use safetensors or onnx"
                    )
                }
                bytes = try JSONModelDump(classifier).encoded()
            }
            try destination.write(bytes)
            let hash = SHA256.hex(bytes)
            let exportID = try store.recordExport(
                runID: runID, format: format.rawValue, path: destination.path, sha256: hash, size: Int64(bytes.count))
            if options.json {
                let recorded = try store.exports(sha256: hash).first { $0.id == exportID }
                try printJSON(
                    recorded ?? ExportRecord(
                        id: exportID, runID: runID, format: format.rawValue, path: destination.path, sha256: hash, size: Int64(bytes.count),
                        createdAt: Timestamp.now()))
            } else if !options.quiet {
                print("exported run \(runID) (epoch \(model.epoch)) as \(format.rawValue) to \(destination.path)")
                print("  \(bytes.count) bytes, sha256 \(hash)")
            }
        }
    }
}
