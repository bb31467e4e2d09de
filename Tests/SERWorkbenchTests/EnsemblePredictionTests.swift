import Foundation
import GRDB
import SERCore
import Testing

@testable import SERWorkbench

/// `predictor(ofRun:)`: a k-fold parent or an ensemble classifies new files with all its
/// models, their class probabilities averaged (#22 item 3, in the database).
@Suite struct EnsemblePredictionTests {
    /// Two clips of the held-out actor.
    private func clips(_ fixture: WorkbenchFixture) throws -> [String] {
        let folder = fixture.corpus.appendingPathComponent("Actor_04")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().prefix(2)
            .map { folder.appendingPathComponent($0).path }
    }

    /// Each probability of `ensemble` is the mean of the members' own predictions. Each member's
    /// value is a Float widened to Double and halved (exact); their sum rounds once, so the two
    /// agree within one Double rounding of a value ≤ 1: 2⁻⁵³ < `Double.ulpOfOne`.
    private func expectMean(_ ensemble: PredictionBatch, of members: [PredictionBatch]) {
        for (i, result) in ensemble.results.enumerated() {
            for (label, p) in result.probabilities {
                let mean = members.map { $0.results[i].probabilities[label] ?? .nan }.reduce(0) { $0 + $1 / Double(members.count) }
                #expect(abs(p - mean) <= Double.ulpOfOne, "\(result.path) \(label): \(p) vs mean \(mean)")
            }
            let best = result.probabilities.max { $0.value < $1.value }?.key
            #expect(result.predicted == best)
        }
    }

    @Test func aSeedsEnsemblePredictsWithTheMeanOfItsMembers() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        var settings = WorkbenchFixture.tiny(epochs: 2)
        settings.testSpeakers = ["4"]
        let outcome = try fixture.workbench.trainSeeds(settings, seeds: [1, 2], TrainingRequest(name: "pair"))
        let files = try clips(fixture)
        let missing = fixture.folder.appendingPathComponent("missing.wav").path

        let ensemble = try fixture.workbench.predictor(ofRun: outcome.run)
        #expect(ensemble.members.count == 2 && ensemble.runID == outcome.run)
        let batch = try ensemble.classify(files + [missing])
        #expect(batch.results.map(\.path) == files && batch.failures.map(\.path) == [missing])
        let members = try outcome.members.map { try fixture.workbench.model(ofRun: $0).classify(files) }
        expectMean(batch, of: members)
        // The two seeds' models differ, so the mean is not simply one of them.
        #expect(members[0].results[0].probabilities != members[1].results[0].probabilities)

        // Exported as one ONNX graph and read back: every member, the same probabilities
        // (the weights round-trip exactly and the arithmetic is the same).
        let file = fixture.folder.appendingPathComponent("pair.onnx")
        try Data(try fixture.workbench.export(run: outcome.run, as: .onnx).bytes).write(to: file)
        let reread = try ModelFileReader.readEnsemble(path: file.path)
        #expect(reread.members.count == 2 && reread.runID == outcome.run && reread.classes == ensemble.classes)
        let fromFile = try reread.classify(files)
        #expect(fromFile.results.map(\.probabilities) == batch.results.map(\.probabilities))

        // Recorded under the ensemble's own run.
        try fixture.workbench.record(batch, of: ensemble)
        let recorded = try fixture.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM predictions WHERE run_id = ?", arguments: [outcome.run]) ?? 0
        }
        #expect(recorded == files.count)
    }

    @Test func aKFoldParentPredictsWithItsFolds() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        var settings = WorkbenchFixture.tiny(epochs: 2)
        settings.split = .kfold(2)
        let parent = try fixture.workbench.train(settings, TrainingRequest(name: "folds")).run
        let folds = try fixture.store.childRuns(of: parent).map(\.id)
        #expect(folds.count == 2)
        let files = try clips(fixture)
        let ensemble = try fixture.workbench.predictor(ofRun: parent)
        #expect(ensemble.members.compactMap(\.runID).sorted() == folds.sorted())
        let members = try folds.map { try fixture.workbench.model(ofRun: $0).classify(files) }
        expectMean(try ensemble.classify(files), of: members)
    }

    @Test func perSpeakerAndUnknownRunsAreRefusedByName() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        var settings = WorkbenchFixture.tiny(epochs: 1)
        settings.testSpeakers = ["4"]
        settings.normalization = .speaker
        let run = try fixture.workbench.train(settings, TrainingRequest(name: "per-speaker")).run
        #expect { try fixture.workbench.predictor(ofRun: run) } throws: { error in
            (error as? ModelUseError)?.location == "run \(run)" && "\(error)".contains("per-speaker")
        }
        #expect { try fixture.workbench.predictor(ofRun: 999) } throws: { "\($0)".contains("no run 999") }
    }
}

/// `evaluate(run:dataset:enrollment:)`: a per-speaker run normalises each speaker with N
/// enrolment clips and scores the others (#22 item 1).
@Suite struct EnrollmentEvaluationTests {
    @Test func enrolmentClipsAreChosenPerSpeakerAndNotScored() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        var settings = WorkbenchFixture.tiny(epochs: 1)
        settings.testSpeakers = ["4"]
        settings.normalization = .speaker
        let run = try fixture.workbench.train(settings, TrainingRequest(name: "per-speaker")).run
        // 4 speakers × 12 clips.
        let all = try fixture.workbench.evaluate(run: run, dataset: "tones")
        #expect(all.clips == 48 && all.enrollClips == nil)
        let two = try fixture.workbench.evaluate(run: run, dataset: "tones", enrollment: (clips: 2, seed: 1))
        #expect(two.clips == 48 - 4 * 2 && two.skippedClips == 0 && two.enrollClips == 2 && two.enrollSeed == 1)
        #expect(two.perSpeaker.values.allSatisfy { $0.clips == 10 })
        // The same seed, the same clips and the same scores; the choice is recorded.
        let again = try fixture.workbench.evaluate(run: run, dataset: "tones", enrollment: (clips: 2, seed: 1))
        #expect(again.accuracy == two.accuracy && again.confusion == two.confusion)
        let recorded = try fixture.store.read { db in
            try Row.fetchAll(db, sql: "SELECT enroll_clips, enroll_seed FROM evaluations ORDER BY id").map {
                [$0["enroll_clips"] as Int?, $0["enroll_seed"] as Int?]
            }
        }
        #expect(recorded == [[nil, nil], [2, 1], [2, 1]])
        // Enrolling with every clip of a speaker would leave nothing to score.
        #expect { try fixture.workbench.evaluate(run: run, dataset: "tones", enrollment: (clips: 12, seed: 1)) } throws: {
            "\($0)".contains("no speaker has more than 12 clips")
        }
    }

    @Test func aRunWithoutPerSpeakerNormalisationHasNothingToEnrol() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        var settings = WorkbenchFixture.tiny(epochs: 1)
        settings.testSpeakers = ["4"]
        let run = try fixture.workbench.train(settings, TrainingRequest(name: "global")).run
        #expect { try fixture.workbench.evaluate(run: run, dataset: "tones", enrollment: (clips: 2, seed: 1)) } throws: { error in
            (error as? ModelUseError)?.location == "run \(run)" && "\(error)".contains("no speaker to enrol")
        }
    }
}
