import Foundation
import GRDB
import Testing

/// `ser evaluate`: a trained run (or a k-fold ensemble) measured on a dataset of new speakers.
@Suite(.serialized) struct EvaluateCommandTests {
    struct Report: Decodable {
        struct ClassScore: Decodable { let label: String; let recall: Double; let support: Int }
        struct SpeakerScore: Decodable { let clips: Int; let accuracy: Double }
        let evaluation: Int64?
        let run: Int64
        let models: Int
        let clips: Int
        let skippedClips: Int
        let accuracy: Double
        let macroF1: Double
        let uar: Double
        let perClass: [ClassScore]
        let labels: [String]
        let confusion: [[Int]]
        let perSpeaker: [String: SpeakerScore]
    }

    /// A second tone corpus, actors 7 and 8 (pitches the run never heard), imported as
    /// dataset `newvoices`; returns its clip paths.
    static func importNewVoices(into corpus: TestCorpus, emotions: [Int] = [1, 3, 4, 5]) throws -> [String] {
        let other = try TestCorpus()
        try other.writeToneCorpus(actors: 2, firstActor: 7, emotions: emotions)
        let imported = try corpus.ser(["import", other.corpus.path, "--name", "newvoices", "-q"])
        guard imported.status == 0 else { throw SERProcess.Failure(result: imported) }
        let files = FileManager.default.enumerator(atPath: other.corpus.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".wav") }
        return (files ?? []).sorted().map { other.corpus.appendingPathComponent($0).path }
    }

    static func evaluate(_ corpus: TestCorpus, _ arguments: [String]) throws -> Report {
        let result = try corpus.ser(["evaluate", "--json"] + arguments)
        guard result.status == 0 else { throw SERProcess.Failure(result: result) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Report.self, from: Data(result.stdout.utf8))
    }

    /// Accuracy of `predict` outputs against the RAVDESS emotion code in each file name.
    static func accuracy(_ predictions: [(path: String, predicted: String)]) -> Double {
        let names = ["01": "neutral", "03": "happy", "04": "sad", "05": "angry", "07": "disgust"]
        let correct = predictions.filter { p in
            let code = (p.path as NSString).lastPathComponent.split(separator: "-")[2]
            return names[String(code)] == p.predicted
        }
        return Double(correct.count) / Double(max(predictions.count, 1))
    }

    @Test func aRunOnNewSpeakersAgreesWithPredictAndIsRecorded() throws {
        let trained = try TrainedCorpus()
        defer { trained.corpus.remove() }
        let files = try Self.importNewVoices(into: trained.corpus)
        #expect(files.count == 24)
        let report = try Self.evaluate(trained.corpus, [String(trained.runID), "--dataset", "newvoices"])
        #expect(report.run == trained.runID && report.models == 1)
        #expect(report.clips == 24 && report.skippedClips == 0)
        #expect(Set(report.perSpeaker.keys) == ["07", "08"], "\(report.perSpeaker.keys)")
        #expect(report.perSpeaker.values.map(\.clips) == [12, 12])
        #expect(report.confusion.flatMap { $0 }.reduce(0, +) == 24)
        let diagonal = report.labels.indices.map { report.confusion[$0][$0] }.reduce(0, +)
        #expect(abs(report.accuracy - Double(diagonal) / 24) < 1e-12)
        // The same clips through `ser predict` give the same labels, so the same accuracy.
        let predicted = try trained.predict(files, ["--run", String(trained.runID)])
        #expect(abs(report.accuracy - Self.accuracy(predicted.predictions.map { ($0.path, $0.predicted) })) < 1e-12)
        let row = try trained.corpus.readOnly { db in
            try Row.fetchOne(
                db, sql: "SELECT run_id, models, clips, accuracy, uar, per_speaker FROM evaluations WHERE id = ?",
                arguments: [report.evaluation])
        }
        #expect(row?["run_id"] == trained.runID && row?["models"] == 1 && row?["clips"] == 24)
        #expect(abs((row?["accuracy"] ?? -1.0) - report.accuracy) < 1e-12 && abs((row?["uar"] ?? -1.0) - report.uar) < 1e-12)
        let shown = try trained.corpus.ser(["show", String(trained.runID)])
        #expect(shown.stdout.contains("evaluations on other datasets") && shown.stdout.contains("newvoices@"))
    }

    /// A k-fold parent is the ensemble of its folds: its probabilities are the mean of the
    /// folds' own, which `ser predict` gives run by run.
    @Test func aKFoldParentIsTheEnsembleOfItsFolds() throws {
        let corpus = try TestCorpus.importedTones(actors: 4)
        defer { corpus.remove() }
        let trained = try corpus.ser(["run", "--split", "kfold:2", "--epochs", "2", "--seed", "5", "-q"] + RunCommandTests.tiny)
        guard trained.status == 0 else { throw SERProcess.Failure(result: trained) }
        let (parent, folds) = try corpus.readOnly { db in
            (
                try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE kind = 'kfold'") ?? 0,
                try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE kind = 'fold' ORDER BY id")
            )
        }
        #expect(folds.count == 2)
        let files = try Self.importNewVoices(into: corpus)
        let report = try Self.evaluate(corpus, [String(parent), "--dataset", "newvoices"])
        #expect(report.models == 2 && report.clips == 24)
        var mean: [String: [String: Double]] = [:]
        var classes: [String] = []
        for fold in folds {
            let result = try corpus.ser(["predict", "--json", "--run", String(fold)] + files)
            guard result.status == 0 else { throw SERProcess.Failure(result: result) }
            let output = try JSONDecoder().decode(PredictOutput.self, from: Data(result.stdout.utf8))
            classes = output.classes
            for p in output.predictions {
                for (label, value) in p.probabilities { mean[p.path, default: [:]][label, default: 0] += value / 2 }
            }
        }
        let ensemble = files.map { path in
            (path: path, predicted: classes.max { (mean[path]?[$0] ?? 0) < (mean[path]?[$1] ?? 0) } ?? "")
        }
        #expect(abs(report.accuracy - Self.accuracy(ensemble)) < 1e-12)
    }

    @Test func badInputIsRefusedAndNothingIsRecorded() throws {
        let trained = try TrainedCorpus()
        defer { trained.corpus.remove() }
        let unknownRun = try trained.corpus.ser(["evaluate", "999", "--dataset", "tones"])
        #expect(unknownRun.status != 0 && unknownRun.stderr.contains("999"))
        let unknownDataset = try trained.corpus.ser(["evaluate", String(trained.runID), "--dataset", "nope"])
        #expect(unknownDataset.status != 0 && unknownDataset.stderr.contains("nope"))
        // Only "disgust", which the run never learned: nothing to measure.
        _ = try Self.importNewVoices(into: trained.corpus, emotions: [7])
        let foreign = try trained.corpus.ser(["evaluate", String(trained.runID), "--dataset", "newvoices"])
        #expect(foreign.status != 0 && foreign.stderr.contains("newvoices") && foreign.stderr.contains("no clip labelled"))
        let rows = try trained.corpus.readOnly { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM evaluations") }
        #expect(rows == 0)
    }

    /// A per-speaker-normalised run cannot predict single files, but a dataset gives every
    /// speaker's clips, so evaluate takes it.
    @Test func aPerSpeakerRunIsEvaluatedOnWholeSpeakers() throws {
        let trained = try TrainedCorpus(["--normalization", "speaker"])
        defer { trained.corpus.remove() }
        let files = try Self.importNewVoices(into: trained.corpus)
        let refused = try trained.corpus.ser(["predict", "--run", String(trained.runID)] + files.prefix(1))
        #expect(refused.status != 0 && refused.stderr.contains("ser evaluate"))
        let report = try Self.evaluate(trained.corpus, [String(trained.runID), "--dataset", "newvoices"])
        #expect(report.clips == 24 && report.accuracy >= 0 && report.accuracy <= 1)
    }
}
