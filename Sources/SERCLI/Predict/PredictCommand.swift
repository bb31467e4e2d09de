import SERReports
import SERWorkbench
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
                normalisation, then run through its best weights. A k-fold parent classifies with \
                all its finished folds and an ensemble (`ser ensemble`, `ser run --seeds`) with \
                all its members' models, their class probabilities averaged. With --model, the weights, \
                recipe and normalisation are read from the ONNX file itself (no database needed). \
                Files are checked as `ser import` checks them; a file that cannot be used is reported \
                on standard error, the others are classified, and the exit status is 1.

                Examples:
                  ser predict clip.wav --run last
                  ser predict *.wav --model emotion.onnx --json
                  ser predict new/*.wav --run per-speaker --enroll first/*.wav
                  ser predict new.wav --run per-speaker --speaker alice   # enrolled with ser enroll
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("Audio files to classify.", valueName: "file"))
        var files: [String] = []

        @Option(
            name: .customLong("run"),
            help: ArgumentHelp(
                "The run that classifies (a training run, a k-fold parent or an ensemble): an id, a name or prefix, last, last~N or @tag.",
                valueName: "run")
        )
        var reference: RunArgument?

        @Option(name: .long, help: ArgumentHelp("An ONNX file written by `ser export`.", valueName: "path"))
        var model: String?

        @Option(
            name: .long, parsing: .upToNextOption,
            help: ArgumentHelp(
                "Recordings of the one speaker the files come from (no labels needed), for a run trained with --normalization speaker: its features are z-scored with these clips' statistics, as its test speakers were. Takes every file up to the next option: put it after the files.",
                valueName: "file"))
        var enroll: [String] = []

        @Option(
            help: ArgumentHelp(
                "A speaker enrolled with `ser enroll`, for a run trained with --normalization speaker: the files are theirs.",
                valueName: "name"))
        var speaker: String?

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
            if model != nil && speaker != nil {
                throw ValidationError(
                    "--speaker reads an enrolment stored in the database: use it with --run (with --model, give --enroll CLIPS)")
            }
            if speaker != nil && !enroll.isEmpty {
                throw ValidationError("--speaker uses a stored enrolment; --enroll makes one for this call: give one of them")
            }
            if let model, !FileManager.default.fileExists(atPath: model) {
                throw ValidationError("--model: no such file: \(model)")
            }
        }

        func run() throws {
            let loaded: ModelEnsemble
            var store: Store?
            if let reference {
                let opened = try options.openStore()
                store = opened
                loaded = try options.workbench(store: opened).predictor(
                    ofRun: try reference.resolve(in: opened), allowPartial: allowPartial, enrolling: !enroll.isEmpty || speaker != nil)
            } else if let model {
                loaded = try ModelFileReader.readEnsemble(path: model)
                if record { store = try options.openStore() }
            } else {
                return
            }
            let batch: PredictionBatch
            if let speaker, let store {
                let enrolled = try options.workbench(store: store).speakerEnrollment(named: speaker)
                batch = try loaded.classify(files, speaker: enrolled, cancellation: InterruptFlag.token)
            } else {
                batch = try loaded.classify(files, enrollment: try SpeakerClips.expand(enroll), cancellation: InterruptFlag.token)
            }
            let (results, failures) = (batch.results, batch.failures)
            if record, let store {
                do {
                    try options.workbench(store: store).record(batch, of: loaded)
                } catch let error as ModelUseError {
                    throw ModelUseError(path: model ?? "--record", "--record: \(error.reason)")
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
                throw ModelUseError(
                    path: failures.count == 1 ? failures[0].path : "predict",
                    "\(failures.count) of \(files.count) files could not be classified"
                        + (results.isEmpty ? "" : "; the other \(results.count) were"))
            }
        }
    }
}
