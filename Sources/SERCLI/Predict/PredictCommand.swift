import ArgumentParser
import Foundation
import SERCore
import SERStore

extension SER {
    /// `ser predict FILE... (--run RUN | --model PATH.onnx)`: classify audio files.
    struct Predict: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify audio files with a trained run or an exported ONNX model.",
            discussion: """
                Each file is decoded, resampled and featurised with the run's own recipe and \
                normalisation, then run through its best weights. With --model, the weights, \
                recipe and normalisation are read from the ONNX file itself (no database needed). \
                Files are checked as `ser import` checks them; a file that cannot be used is reported \
                on standard error, the others are classified, and the exit status is 1.

                Examples:
                  ser predict clip.wav --run last
                  ser predict *.wav --model emotion.onnx --json
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("Audio files to classify.", valueName: "file"))
        var files: [String] = []

        @Option(name: .customLong("run"), help: ArgumentHelp("The run whose best checkpoint classifies: an id, a name or prefix, last, last~N or @tag.", valueName: "run"))
        var reference: RunArgument?

        @Option(name: .long, help: ArgumentHelp("An ONNX file written by `ser export`.", valueName: "path"))
        var model: String?

        @Flag(name: .long, help: "Store the predictions in the database (table predictions) against the run.")
        var record = false

        @Flag(name: .long, help: "Use a run that is not finished (its best checkpoint so far).")
        var allowPartial = false

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one audio file to classify") }
            switch (reference, model) {
            case (nil, nil): throw ValidationError("--run or --model is required")
            case (.some, .some): throw ValidationError("--run and --model are mutually exclusive")
            default: break
            }
            if let model, !FileManager.default.fileExists(atPath: model) {
                throw ValidationError("--model: no such file: \(model)")
            }
        }

        func run() throws {
            let loaded: TrainedModel
            var store: Store?
            if let reference {
                let opened = try options.openStore()
                store = opened
                loaded = try TrainedModel.load(store: opened, runID: try reference.resolve(in: opened), allowPartial: allowPartial)
            } else if let model {
                loaded = try ModelFileReader.read(path: model)
                if record { store = try options.openStore() }
            } else {
                return
            }
            let featurizer = try AudioFeaturizer(config: loaded.featureConfig)
            // Each file alone: a bad one is reported and the others are still classified.
            var failures: [PredictionFailure] = []
            var usable: [(path: String, matrix: Matrix, hash: String)] = []
            for path in files {
                do {
                    let features = try featurizer.features(path: path)
                    usable.append((path, features.matrix, features.contentHash))
                } catch let error as ModelUseError {
                    failures.append(PredictionFailure(path: path, reason: error.reason))
                }
            }
            let probabilities = usable.isEmpty ? Matrix(rows: 0, columns: loaded.classes.count) : try loaded.probabilities(usable.map(\.matrix))
            var results: [PredictionResult] = []
            var hashes: [String: String] = [:]
            for (i, file) in usable.enumerated() {
                let p = probabilities.row(i)
                if let bad = p.first(where: { !$0.isFinite }) {
                    failures.append(PredictionFailure(path: file.path, reason: "the model's output is not finite (\(bad)); no label is given"))
                    continue
                }
                var best = 0
                for c in p.indices where p[c] > p[best] { best = c }
                results.append(
                    PredictionResult(
                        path: file.path, predicted: loaded.classes[best],
                        probabilities: Dictionary(uniqueKeysWithValues: zip(loaded.classes, p.map(Double.init))),
                        frames: file.matrix.rows))
                hashes[file.path] = file.hash
            }
            failures.sort { (files.firstIndex(of: $0.path) ?? 0) < (files.firstIndex(of: $1.path) ?? 0) }
            if record, let store {
                guard let runID = loaded.runID else {
                    throw ModelUseError(path: model ?? "model", "--record needs the model's run; this file names none")
                }
                guard try store.runHeader(runID) != nil else {
                    throw ModelUseError(run: runID, "--record: the model's run is not in \(store.path)")
                }
                for r in results {
                    let hash = try hashes[r.path] ?? FileHasher.hash(path: r.path).hash
                    try store.recordPrediction(
                        runID: runID, path: Self.absolute(r.path), contentHash: hash, predicted: r.predicted,
                        probabilities: try r.probabilitiesJSON())
                }
            }
            if options.json {
                try printJSON(PredictionReport(run: loaded.runID, classes: loaded.classes, predictions: results, failures: failures))
            } else {
                for failure in failures {
                    Console.error("ser: \(failure.path): \(failure.reason)\n")
                }
                if !options.quiet && !results.isEmpty {
                    var table = TextTable(["file", "label"] + loaded.classes, rightAligned: Set(2..<(2 + loaded.classes.count)))
                    for r in results {
                        table.add([r.path, r.predicted] + loaded.classes.map { String(format: "%.4f", r.probabilities[$0] ?? 0) })
                    }
                    print(table.render())
                }
            }
            if !failures.isEmpty {
                throw ModelUseError(path: failures.count == 1 ? failures[0].path : "predict",
                    "\(failures.count) of \(files.count) files could not be classified"
                    + (results.isEmpty ? "" : "; the other \(results.count) were"))
            }
        }

        /// `path` made absolute against the current folder.
        static func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        }
    }
}
