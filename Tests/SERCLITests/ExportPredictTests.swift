import Foundation
import GRDB
import Testing

/// `ser predict`, `ser export` and `ser which` end to end on a trained tone-corpus run.
@Suite(.serialized) struct ExportPredictTests {
    @Test func predictOnTestClipsReproducesTheRunsOwnTestEvaluation() throws {
        let trained = try TrainedCorpus()
        defer { trained.corpus.remove() }
        let expected = try trained.testPredictions()
        #expect(expected.count == 12)
        let output = try trained.predict(expected.map(\.path), ["--run", String(trained.runID)])
        #expect(output.run == trained.runID)
        #expect(output.predictions.count == expected.count)
        for (want, got) in zip(expected, output.predictions) {
            #expect(got.path == want.path)
            #expect(got.predicted == want.label, "\(want.path): predicted \(got.predicted), the run's evaluation said \(want.label)")
            for (c, label) in output.classes.enumerated() {
                let delta = abs((got.probabilities[label] ?? -1) - want.probabilities[c])
                #expect(delta < 1e-5, "\(want.path) \(label): |Δp| = \(delta)")
            }
        }
    }

    /// A per-speaker run predicts a new speaker's files once the speaker is enrolled: with
    /// all of the test speaker's clips as the enrolment, the same statistics as the run's own
    /// test evaluation, so the same probabilities (within the 1e-5 of the test above: features
    /// from the files instead of the cache). Without `--enroll` it is refused by name.
    @Test func aPerSpeakerRunPredictsOnceTheSpeakerIsEnrolled() throws {
        let trained = try TrainedCorpus(["--normalization", "speaker"])
        defer { trained.corpus.remove() }
        let expected = try trained.testPredictions()
        let files = expected.map(\.path)
        let refused = try trained.corpus.ser(["predict", "--run", String(trained.runID)] + files)
        #expect(refused.status == 1 && refused.stderr.contains("--enroll"), "\(refused.stderr)")
        // Enrol with the clips in the order the run saw them (clip ids), so the sums agree.
        let enrolment = try trained.corpus.readOnly { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT c.path FROM run_splits s JOIN clips c ON c.id = s.clip_id WHERE s.run_id = ? AND s.subset = 'test' ORDER BY c.id",
                arguments: [trained.runID])
        }
        // `--enroll` takes every file up to the next option, so it comes after the files.
        let raw = try trained.corpus.ser(["predict", "--json"] + files + ["--run", String(trained.runID), "--enroll"] + enrolment)
        guard raw.status == 0 else { throw SERProcess.Failure(result: raw) }
        let output = try JSONDecoder().decode(PredictOutput.self, from: Data(raw.stdout.utf8))
        #expect(output.predictions.count == expected.count)
        for (want, got) in zip(expected, output.predictions) {
            #expect(got.predicted == want.label, "\(want.path): predicted \(got.predicted), the run's evaluation said \(want.label)")
            for (c, label) in output.classes.enumerated() {
                let delta = abs((got.probabilities[label] ?? -1) - want.probabilities[c])
                #expect(delta < 1e-5, "\(want.path) \(label): |Δp| = \(delta)")
            }
        }

        // Enrolled once under a name, the speaker's statistics are stored and give the very
        // same output as enrolling with the call.
        let run = String(trained.runID)
        let unknown = try trained.corpus.ser(["predict"] + files + ["--run", run, "--speaker", "alice"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no speaker 'alice' is enrolled"), "\(unknown.stderr)")
        let enrolled = try trained.corpus.ser(["enroll", "alice"] + enrolment + ["--run", run, "--json"])
        guard enrolled.status == 0 else { throw SERProcess.Failure(result: enrolled) }
        let stored = try #require(
            (try JSONSerialization.jsonObject(with: Data(enrolled.stdout.utf8)) as? [String: Any])?["enrollments"] as? [[String: Any]])
        #expect(stored.count == 1 && (stored.first?["clips"] as? [Any])?.count == enrolment.count)
        let byName = try trained.corpus.ser(["predict", "--json"] + files + ["--run", run, "--speaker", "alice"])
        #expect(byName.status == 0 && byName.stdout == raw.stdout, "--speaker alice differs from --enroll: \(byName.stderr)")
        // Exported, the model takes the speaker's statistics as inputs: ser predict --model with
        // the same recordings agrees with the run, and so does onnxruntime fed the stored ones.
        let model = trained.corpus.folder.appendingPathComponent("per-speaker.onnx").path
        let exported = try trained.corpus.ser(["export", run, "-o", model, "-q"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let other = try trained.corpus.ser(["export", run, "--format", "safetensors", "-o", model + ".st"])
        #expect(other.status != 0 && other.stderr.contains("ONNX only"), "\(other.stderr)")
        let fromFile = try trained.corpus.ser(["predict", "--json"] + files + ["--model", model, "--enroll"] + enrolment)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let file = try JSONDecoder().decode(PredictOutput.self, from: Data(fromFile.stdout.utf8))
        for (a, b) in zip(output.predictions, file.predictions) {
            for label in output.classes { #expect(abs((a.probabilities[label] ?? 0) - (b.probabilities[label] ?? 1)) < 1e-6) }
        }
        #expect(file.predictions.count == output.predictions.count)
        if PythonONNX.available {
            let expected = trained.corpus.folder.appendingPathComponent("expected.json")
            try Data(byName.stdout.utf8).write(to: expected)
            let parity = try PythonONNX.runParityScript([model, trained.corpus.database, expected.path, "--speaker", "alice"])
            #expect(parity.status == 0, "\(parity.output)")
        }
        let listed = try trained.corpus.ser(["enroll", "--list"])
        #expect(listed.stdout.contains("alice") && listed.stdout.contains(String(enrolment.count)))
        // A run that does not normalise per speaker has nothing to enrol; a removed speaker is gone.
        let global = try trained.corpus.ser(["run", "--epochs", "1", "--test-speakers", "4", "-q"] + RunCommandTests.tiny)
        guard global.status == 0 else { throw SERProcess.Failure(result: global) }
        let needless = try trained.corpus.ser(["enroll", "bob"] + enrolment + ["--run", "last"])
        #expect(needless.status != 0 && needless.stderr.contains("does not normalise per speaker"), "\(needless.stderr)")
        #expect(try trained.corpus.ser(["enroll", "--rm", "alice"]).status == 0)
        let gone = try trained.corpus.ser(["predict"] + files + ["--run", run, "--speaker", "alice"])
        #expect(gone.status != 0 && gone.stderr.contains("no speaker 'alice'"), "\(gone.stderr)")
    }

    /// Settings covering both sequence modes, uni- and bidirectional, two layers, every
    /// pooling (statistics pooling in both modes), all three normalisations and convolutions
    /// in both modes.
    static let variants: [[String]] = [
        ["--sequence", "padded"],
        [
            "--sequence", "masked", "--bidirectional", "true", "--layers", "8,6", "--pooling", "attention", "--normalization", "cmvn",
            "--max-frames", "10",
        ],
        ["--sequence", "masked", "--layers", "8", "--pooling", "mean", "--normalization", "none", "--activation", "tanh"],
        // Convolutions: two on masked clips (the second must see zeros past a clip's end),
        // one wide kernel on padded clips.
        [
            "--sequence", "masked", "--conv", "6,5", "--conv-kernel", "3", "--layers", "8", "--bidirectional", "true", "--pooling",
            "mean", "--max-frames", "400",
        ],
        ["--sequence", "padded", "--conv", "6", "--conv-kernel", "7", "--layers", "8", "--max-frames", "12", "--pooling", "stats"],
        ["--sequence", "masked", "--layers", "8", "--pooling", "stats", "--max-frames", "400"],
    ]

    /// Trains with `settings`, exports ONNX; returns the corpus, model path and test clips.
    func exported(_ settings: [String]) throws -> (TrainedCorpus, String, [String]) {
        let trained = try TrainedCorpus(settings)
        let model = trained.corpus.folder.appendingPathComponent("model.onnx").path
        let result = try trained.corpus.ser(["export", String(trained.runID), "-o", model, "-q"])
        guard result.status == 0 else { throw SERProcess.Failure(result: result) }
        return (trained, model, try trained.testPredictions().map(\.path))
    }

    @Test(arguments: variants)
    func predictWithTheONNXFileMatchesPredictWithTheRun(settings: [String]) throws {
        let (trained, model, files) = try exported(settings)
        defer { trained.corpus.remove() }
        let byRun = try trained.predict(files, ["--run", String(trained.runID)])
        // --model reads the weights, recipe and normalisation back out of the ONNX file.
        let byModel = try trained.predict(files, ["--model", model])
        #expect(byModel.run == trained.runID && byModel.classes == byRun.classes)
        #expect(byModel.predictions.count == files.count)
        for (a, b) in zip(byRun.predictions, byModel.predictions) {
            #expect(a.predicted == b.predicted)
            for label in byRun.classes { #expect(abs((a.probabilities[label] ?? 0) - (b.probabilities[label] ?? 1)) < 1e-6) }
        }
    }

    @Test(
        .enabled(if: PythonONNX.available, "python3 with onnx + onnxruntime + numpy is not installed (pip install onnx onnxruntime numpy)"),
        arguments: variants)
    func onnxruntimeRunsTheExportWithinOneTenThousandthOfPredict(settings: [String]) throws {
        let (trained, model, files) = try exported(settings)
        defer { trained.corpus.remove() }
        let expected = trained.corpus.folder.appendingPathComponent("expected.json")
        let raw = try trained.corpus.ser(["predict", "--json", "--run", String(trained.runID)] + files)
        #expect(raw.status == 0, "\(raw.stderr)")
        try Data(raw.stdout.utf8).write(to: expected)
        let parity = try PythonONNX.runParityScript([model, trained.corpus.database, expected.path])
        #expect(parity.status == 0, "\(parity.output)")
        #expect(parity.output.contains("max |dp|"), "\(parity.output)")
    }

    /// Exports `run` as `RUN.onnx`, predicts the first four clips of actor 6 with
    /// `ser predict --run` and with `--model` on the file, and expects both to succeed with
    /// the same run and exactly the same probabilities (the same weights and arithmetic in
    /// process). Returns the model's path and `--run`'s output, for onnxruntime to compare.
    static func exportAndPredictBothWays(_ corpus: TestCorpus, run name: String) throws -> (model: String, byRun: SERProcess.Result) {
        let model = corpus.folder.appendingPathComponent("\(name).onnx").path
        let exported = try corpus.ser(["export", name, "-o", model, "-q"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.corpus.appendingPathComponent("Actor_06").path)
            .sorted().prefix(4).map { corpus.corpus.appendingPathComponent("Actor_06/\($0)").path }
        let byRun = try corpus.ser(["predict", "--json", "--run", name] + files)
        let byModel = try corpus.ser(["predict", "--json", "--model", model] + files)
        guard byRun.status == 0, byModel.status == 0 else { throw SERProcess.Failure(result: byRun.status == 0 ? byModel : byRun) }
        let run = try JSONDecoder().decode(PredictOutput.self, from: Data(byRun.stdout.utf8))
        let file = try JSONDecoder().decode(PredictOutput.self, from: Data(byModel.stdout.utf8))
        #expect(run.predictions.count == files.count && file.predictions.count == files.count && file.run == run.run)
        for (a, b) in zip(run.predictions, file.predictions) { #expect(a.probabilities == b.probabilities) }
        return (model, byRun)
    }

    /// An ensemble (`--seeds`) exports as one ONNX graph whose `Mean` node averages its
    /// members; `ser predict --model` reads every member back, and onnxruntime agrees with
    /// `ser predict --run ENSEMBLE` within 1e-5 (#22 item 3).
    @Test func anEnsembleExportsAsOneGraphThatPredictsLikeTheRun() throws {
        let corpus = try TestCorpus.importedTones(actors: 6)
        defer { corpus.remove() }
        let trained = try corpus.ser(
            ["run", "--epochs", "2", "--test-speakers", "6", "--seeds", "3,4", "--name", "pair", "-q"] + RunCommandTests.tiny)
        guard trained.status == 0 else { throw SERProcess.Failure(result: trained) }
        let (model, byRun) = try Self.exportAndPredictBothWays(corpus, run: "pair")
        // Other formats hold one model's weights; the ensemble names the way out.
        let safetensors = try corpus.ser(["export", "pair", "--format", "safetensors", "-o", model + ".st"])
        #expect(safetensors.status == 1 && safetensors.stderr.contains("ensemble of 2 models"), "\(safetensors.stderr)")
        if PythonONNX.available {
            let expected = corpus.folder.appendingPathComponent("expected.json")
            try Data(byRun.stdout.utf8).write(to: expected)
            let parity = try PythonONNX.runParityScript([model, corpus.database, expected.path, "1e-5"])
            #expect(parity.status == 0, "\(parity.output)")
        }
    }

    /// An ensemble of runs with different feature recipes that differ only in their columns
    /// (MFCC 40 + chroma + contrast beside MFCC 20 + RMS + log-mel) exports as one graph on
    /// the union recipe, each member Gathering its own columns; `ser predict --model` reads
    /// each member's recipe back and gives exactly `--run`'s probabilities, and onnxruntime
    /// fed the union's features agrees within 1e-5.
    @Test func anEnsembleOfRecipesExportsOnTheirUnion() throws {
        let corpus = try TestCorpus.importedTones(actors: 6)
        defer { corpus.remove() }
        for (name, extra) in [("a", [String]()), ("b", ["--features", "mfcc20+rms+logmel"])] {
            let trained = try corpus.ser(
                ["run", "--epochs", "2", "--test-speakers", "6", "--name", name, "-q"] + RunCommandTests.tiny + extra)
            guard trained.status == 0 else { throw SERProcess.Failure(result: trained) }
        }
        let ensembled = try corpus.ser(["ensemble", "a", "b", "--name", "mix", "-q"])
        guard ensembled.status == 0 else { throw SERProcess.Failure(result: ensembled) }
        let (model, byRun) = try Self.exportAndPredictBothWays(corpus, run: "mix")
        if PythonONNX.available {
            // The parity script reads the union recipe's features from the database.
            let union = try corpus.ser(["features", "--features", "mfcc40+chroma+contrast+rms+logmel", "--sample-rate", "16000", "-q"])
            guard union.status == 0 else { throw SERProcess.Failure(result: union) }
            let expected = corpus.folder.appendingPathComponent("expected.json")
            try Data(byRun.stdout.utf8).write(to: expected)
            let parity = try PythonONNX.runParityScript([model, corpus.database, expected.path, "1e-5"])
            #expect(parity.status == 0, "\(parity.output)")
        }
    }

    /// A per-speaker ensemble (`--seeds`) exports as one graph whose members share the
    /// inputs `speaker_mean`/`speaker_std`: `ser predict --model` with the enrolment agrees
    /// with `ser predict --run ENSEMBLE --speaker`, and so does onnxruntime fed the statistics
    /// `ser enroll` stored, within 1e-5 (#22 item 3 with item 1).
    @Test func aPerSpeakerEnsembleExportsAsOneGraphFedTheSpeakersStatistics() throws {
        let corpus = try TestCorpus.importedTones(actors: 6)
        defer { corpus.remove() }
        let trained = try corpus.ser(
            ["run", "--epochs", "2", "--test-speakers", "6", "--seeds", "3,4", "--normalization", "speaker", "--name", "pair", "-q"]
                + RunCommandTests.tiny)
        guard trained.status == 0 else { throw SERProcess.Failure(result: trained) }
        let folder = corpus.corpus.appendingPathComponent("Actor_06")
        let clips = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        let files = Array(clips.prefix(4))
        let enrolled = try corpus.ser(["enroll", "alice"] + clips + ["--run", "pair", "-q"])
        guard enrolled.status == 0 else { throw SERProcess.Failure(result: enrolled) }
        let byRun = try corpus.ser(["predict", "--json"] + files + ["--run", "pair", "--speaker", "alice"])
        guard byRun.status == 0 else { throw SERProcess.Failure(result: byRun) }
        let model = corpus.folder.appendingPathComponent("pair.onnx").path
        let exported = try corpus.ser(["export", "pair", "-o", model, "-q"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let byModel = try corpus.ser(["predict", "--json"] + files + ["--model", model, "--enroll"] + clips)
        #expect(byModel.status == 0, "\(byModel.stderr)")
        let run = try JSONDecoder().decode(PredictOutput.self, from: Data(byRun.stdout.utf8))
        let file = try JSONDecoder().decode(PredictOutput.self, from: Data(byModel.stdout.utf8))
        #expect(run.predictions.count == files.count && file.predictions.count == files.count)
        for (a, b) in zip(run.predictions, file.predictions) {
            for label in run.classes { #expect(abs((a.probabilities[label] ?? 0) - (b.probabilities[label] ?? 1)) < 1e-6) }
        }
        if PythonONNX.available {
            let expected = corpus.folder.appendingPathComponent("expected.json")
            try Data(byRun.stdout.utf8).write(to: expected)
            let parity = try PythonONNX.runParityScript([model, corpus.database, expected.path, "1e-5", "--speaker", "alice"])
            #expect(parity.status == 0, "\(parity.output)")
        }
    }

    @Test func safetensorsJsonAndOnnxExportsAreRecordedAndTraceable() throws {
        let trained = try TrainedCorpus()
        defer { trained.corpus.remove() }
        let folder = trained.corpus.folder
        let run = String(trained.runID)
        for format in ["onnx", "safetensors", "json"] {
            let path = folder.appendingPathComponent("model.\(format)").path
            let result = try trained.corpus.ser(["export", run, "--format", format, "-o", path, "-q"])
            #expect(result.status == 0, "\(result.stderr)")
            let which = try trained.corpus.ser(["which", path])
            #expect(which.status == 0, "\(which.stderr)")
            #expect(which.stdout.contains("run \(run)") && which.stdout.contains(format))
        }
        let rows = try trained.corpus.readOnly { db in
            try Row.fetchAll(db, sql: "SELECT format, sha256, size FROM exports WHERE run_id = ? ORDER BY id", arguments: [trained.runID])
        }
        #expect(rows.map { $0["format"] as String } == ["onnx", "safetensors", "json"])

        // safetensors: u64 LE header length, JSON header with __metadata__ and every weight.
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("model.safetensors")))
        let length = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(length % 8 == 0)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)])) as? [String: Any])
        let metadata = try #require(header["__metadata__"] as? [String: String])
        #expect(metadata["run_id"] == run)
        #expect(metadata["dataset_version"]?.count == 64)
        #expect(metadata["classes"] == #"["angry","happy","neutral","sad"]"#)
        #expect(metadata["feature_config"]?.contains("\"nMFCC\":40") == true)
        let kernel = try #require(header["lstm.0.kernel"] as? [String: Any])
        #expect(kernel["dtype"] as? String == "F32")
        #expect(kernel["shape"] as? [Int] == [59, 48])
        let offsets = try #require(kernel["data_offsets"] as? [Int])
        #expect(offsets[1] - offsets[0] == 59 * 48 * 4)
        #expect(header["normalization.mean"] != nil && header["output.bias"] != nil)
        let total = header.values.compactMap { ($0 as? [String: Any])?["data_offsets"] as? [Int] }.map { $0[1] }.max() ?? 0
        #expect(bytes.count == 8 + length + total)

        // json: the same tensors, readable.
        let dump = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("model.json"))) as? [String: Any])
        let tensors = try #require(dump["tensors"] as? [[String: Any]])
        #expect(tensors.compactMap { $0["name"] as? String }.contains("output.kernel"))

        // A changed file no longer traces back.
        let onnx = folder.appendingPathComponent("model.onnx")
        var changed = try Data(contentsOf: onnx)
        changed.append(0)
        try changed.write(to: onnx)
        let lost = try trained.corpus.ser(["which", onnx.path])
        #expect(lost.status == 1)
        #expect(lost.stderr.contains("matches no export"))
    }

    @Test func predictRecordStoresThePredictions() throws {
        let trained = try TrainedCorpus()
        defer { trained.corpus.remove() }
        let files = try trained.testPredictions().prefix(3).map(\.path)
        let result = try trained.corpus.ser(["predict", "--run", String(trained.runID), "--record"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("label"))
        let rows = try trained.corpus.readOnly { db in
            try Row.fetchAll(
                db, sql: "SELECT path, predicted_label, probabilities, content_hash FROM predictions WHERE run_id = ?",
                arguments: [trained.runID])
        }
        #expect(rows.map { $0["path"] as String } == files)
        for row in rows {
            let probabilities = try JSONDecoder().decode([String: Double].self, from: Data((row["probabilities"] as String).utf8))
            #expect(abs(probabilities.values.reduce(0, +) - 1) < 1e-5)
            #expect((row["content_hash"] as String).count == 64)
        }
    }

    @Test func badInputGivesClearErrorsAndWritesNothing() throws {
        let trained = try TrainedCorpus()
        defer { trained.corpus.remove() }
        let folder = trained.corpus.folder
        let run = String(trained.runID)
        let clip = try #require(try trained.testPredictions().first?.path)

        let unknown = try trained.corpus.ser(["export", "99", "-o", folder.appendingPathComponent("x.onnx").path])
        #expect(unknown.status == 1 && unknown.stderr.contains("no run 99"))
        let unknownPredict = try trained.corpus.ser(["predict", "--run", "99", clip])
        #expect(unknownPredict.status == 1 && unknownPredict.stderr.contains("no run 99"))

        let missingFolder = try trained.corpus.ser(["export", run, "-o", folder.appendingPathComponent("nope/x.onnx").path])
        #expect(missingFolder.status == 1 && missingFolder.stderr.contains("does not exist"))
        let existing = folder.appendingPathComponent("taken.onnx")
        try Data("keep me".utf8).write(to: existing)
        let overwrite = try trained.corpus.ser(["export", run, "-o", existing.path])
        #expect(overwrite.status == 1 && overwrite.stderr.contains("--force"))
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me")
        let forced = try trained.corpus.ser(["export", run, "-o", existing.path, "--force", "-q"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let underAFile = try trained.corpus.ser(["export", run, "-o", existing.path + "/x.onnx"])
        #expect(underAFile.status == 1 && underAFile.stderr.contains("is not a folder"))
        let intoFolder = try trained.corpus.ser(["export", run, "-o", folder.path])
        #expect(intoFolder.status == 1 && intoFolder.stderr.contains("is a folder"))
        if getuid() != 0 {  // root writes anywhere
            let locked = folder.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
            let unwritable = try trained.corpus.ser(["export", run, "-o", locked.appendingPathComponent("x.onnx").path])
            #expect(unwritable.status == 1 && unwritable.stderr.contains("not writable"))
        }

        let text = try trained.corpus.file("notes.txt", Data("this is not audio\n".utf8))
        let notAudio = try trained.corpus.ser(["predict", "--run", run, text.path])
        #expect(notAudio.status == 1 && notAudio.stderr.contains("notes.txt: cannot be used as audio"))
        let absent = try trained.corpus.ser(["predict", "--run", run, folder.appendingPathComponent("gone.wav").path])
        #expect(absent.status == 1 && absent.stderr.contains("gone.wav: no such file"))
        let neither = try trained.corpus.ser(["predict", clip])
        #expect(neither.status == 64 && neither.stderr.contains("--run or --model"))
        let notONNX = try trained.corpus.ser(["predict", "--model", text.path, clip])
        #expect(notONNX.status == 1 && notONNX.stderr.contains("notes.txt"))

        try trained.corpus.writeDatabase("UPDATE runs SET status = 'interrupted' WHERE id = \(run)")
        let partial = try trained.corpus.ser(["export", run, "-o", folder.appendingPathComponent("p.onnx").path])
        #expect(
            partial.status == 1 && partial.stderr.contains("is interrupted, not finished") && partial.stderr.contains("--allow-partial"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("p.onnx").path))
        let partialPredict = try trained.corpus.ser(["predict", "--run", run, clip])
        #expect(partialPredict.status == 1 && partialPredict.stderr.contains("not finished"))
        let allowed = try trained.corpus.ser(["export", run, "-o", folder.appendingPathComponent("p.onnx").path, "--allow-partial", "-q"])
        #expect(allowed.status == 0, "\(allowed.stderr)")

        // Only the two successful exports were recorded; no temporary files were left behind.
        let count = try trained.corpus.readOnly { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM exports") }
        #expect(count == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
