import Foundation
import SERCore
import SERStore
import SERTestSupport
import Testing

@testable import SERWorkbench

/// The services run in process, as any front end calls them: no binary, no environment
/// variables, a recording observer and a cancellation token.
@Suite struct WorkbenchServiceTests {
    @Test func importCountsEveryClipOnceAndReportsProgress() throws {
        let fixture = try WorkbenchFixture(actors: 3)
        defer { fixture.remove() }
        let first = try fixture.workbench.importCorpus(ImportRequest(paths: [fixture.corpus.path], name: "tones"))
        #expect(first.newClips == 3 * 4 * 3 && first.rejected.isEmpty && first.versionCreated)
        let again = try fixture.workbench.importCorpus(ImportRequest(paths: [fixture.corpus.path], name: "tones"))
        #expect(again.newClips == 0 && again.existingClips == first.newClips && !again.versionCreated)
        #expect(again.version == first.version)
    }

    @Test func aRunReportsEveryEpochAndRecordsItsMetrics() throws {
        let fixture = try WorkbenchFixture.imported()
        defer { fixture.remove() }
        let outcome = try fixture.workbench.train(WorkbenchFixture.tiny(epochs: 3), TrainingRequest(name: "first", tags: ["t1"]))
        #expect(outcome.status == .finished)
        #expect(fixture.observer.epochs.map(\.epoch) == [1, 2, 3])
        #expect(fixture.observer.epochs.allSatisfy { $0.run == outcome.run })
        let started = fixture.observer.events.compactMap { if case .started(let s) = $0 { s } else { nil } }
        #expect(started.count == 1 && started.first?.test == 12 && started.first?.classes == 4)
        let stored = try fixture.store.runMetrics(outcome.run, subset: "test")
        #expect(stored["accuracy"]?.value == outcome.testMetrics["accuracy"])
        #expect(try fixture.store.epochs(outcome.run).count == 3)
        let header = try #require(try fixture.store.runHeader(outcome.run))
        #expect(header.name == "first" && header.status == .finished && header.kind == .train)
        #expect(try fixture.store.runText(outcome.run)["command_line"] == "WorkbenchTests")
    }

    @Test func aBadSettingNamesItsKeyAndWritesNothing() throws {
        let fixture = try WorkbenchFixture.imported(actors: 3)
        defer { fixture.remove() }
        var settings = WorkbenchFixture.tiny()
        settings.layers = []
        #expect { try fixture.workbench.train(settings) } throws: { ($0 as? WorkbenchError)?.key == "layers" }
        settings = WorkbenchFixture.tiny()
        settings.testSpeakers = ["99"]
        #expect { try fixture.workbench.train(settings) } throws: { "\($0)".contains("99") }
        settings = WorkbenchFixture.tiny()
        settings.simulateEnrollment = 3
        #expect { try fixture.workbench.train(settings) } throws: {
            ($0 as? WorkbenchError)?.key == "simulateEnrollment" && "\($0)".contains("--normalization speaker")
        }
        #expect(try fixture.store.runSummaries(includeChildren: true).isEmpty)
        #expect { try RunSettings().merging(["epochs": .number(2.5)], source: .caller) } throws: {
            ($0 as? WorkbenchError)?.key == "epochs" && "\($0)".contains("whole number")
        }
    }

    /// Settings for the resume test: plain, and with the state that lives outside the weights
    /// (the weight average, the simulated enrolment's draws on per-speaker statistics).
    static let resumeCases = ["plain", "ema+simulated enrolment"]

    @Test(arguments: resumeCases)
    func aCancelledRunResumesToTheUninterruptedResult(_ variant: String) throws {
        // Cancel after epoch 2 of 4: the run ends interrupted with two committed epochs; resumed,
        // it must reach exactly the metrics of the same run never interrupted.
        let token = CancellationToken()
        let observer = RecordingObserver { event in
            if case .epoch(_, let record, _, _) = event, record.epoch == 2 { token.cancel() }
        }
        let fixture = try WorkbenchFixture.imported(observer: observer, cancellation: token)
        defer { fixture.remove() }
        var settings = WorkbenchFixture.tiny(epochs: 4, seed: 5)
        if variant != "plain" {
            settings.ema = 0.5
            settings.normalization = .speaker
            settings.simulateEnrollment = 3
        }
        let interrupted = try fixture.workbench.train(settings)
        #expect(interrupted.status == .interrupted)
        #expect(try fixture.store.epochs(interrupted.run).count == 2)
        #expect(observer.events.contains { if case .interrupted(interrupted.run, 2) = $0 { true } else { false } })

        let fresh = Workbench(store: fixture.store, observer: observer)
        let resumed = try fresh.resume(run: interrupted.run)
        #expect(resumed.status == .finished && resumed.run == interrupted.run)
        #expect(try fixture.store.epochs(interrupted.run).map(\.epoch) == [1, 2, 3, 4])
        let straight = try fresh.train(settings)
        #expect(straight.testMetrics == resumed.testMetrics)
        #expect(try fixture.store.epochs(straight.run).map(\.trainLoss) == fixture.store.epochs(interrupted.run).map(\.trainLoss))
        #expect(
            try fixture.store.checkpoint(straight.run, kind: .best)?.tensors == fixture.store.checkpoint(resumed.run, kind: .best)?.tensors)
    }

    /// `--ema`: the weights a run keeps and evaluates are the moving average the last
    /// checkpoint carries for resuming, not the trained weights.
    @Test func aWeightAveragedRunKeepsTheAverage() throws {
        let fixture = try WorkbenchFixture.imported()
        defer { fixture.remove() }
        var settings = WorkbenchFixture.tiny(epochs: 3, seed: 2)
        settings.ema = 0.9
        settings.select = .last
        let run = try fixture.workbench.train(settings).run
        let best = try #require(try fixture.store.checkpoint(run, kind: .best))
        let last = try #require(try fixture.store.checkpoint(run, kind: .last))
        #expect(best.epoch == 3 && last.epoch == 3)
        let average = try #require(last.tensors.first { $0.name == "optimizer.average" })
        let trained = last.tensors.filter { !$0.name.hasPrefix("optimizer.") }
        #expect(best.tensors.map(\.name) == trained.map(\.name))
        #expect(best.tensors.flatMap(\.values) == average.values)
        #expect(best.tensors.flatMap(\.values) != trained.flatMap(\.values))
    }

    @Test func aSweepTrainsEveryTrialAndChoosesOnValidation() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        var base = WorkbenchFixture.tiny(epochs: 1)
        base.testSpeakers = ["4"]
        let grid = try SweepGrid.parse([("lr", "1e-3,1e-2"), ("layers", "8:12")])
        #expect(grid.size == 4)
        let outcome = try fixture.workbench.sweep(base, grid: grid, name: "grid")
        #expect(outcome.status == .finished && outcome.trials.count == 4)
        #expect(outcome.axes == ["lr", "layers"])
        #expect(Set(outcome.trials.map { $0.settings["layers"] }) == [.array([.integer(8)]), .array([.integer(12)])])
        let ranked = outcome.trials.map(\.validationAccuracy)
        #expect(ranked == ranked.sorted { ($0 ?? -1) > ($1 ?? -1) })
        let children = try fixture.store.childRuns(of: outcome.sweep)
        #expect(children.count == 4 && children.allSatisfy { $0.kind == .trial && $0.status == .finished })
        #expect(fixture.observer.events.filter { if case .trial = $0 { true } else { false } }.count == 4)
        #expect { try SweepGrid.parse([("threads", "1,2")]) } throws: { ($0 as? WorkbenchError)?.key == "threads" }
    }

    @Test func seedsMakeAnEnsembleThatEvaluatesExportsAndPredicts() throws {
        let fixture = try WorkbenchFixture.imported(actors: 4)
        defer { fixture.remove() }
        var settings = WorkbenchFixture.tiny(epochs: 2)
        settings.testSpeakers = ["4"]
        let ensemble = try fixture.workbench.trainSeeds(settings, seeds: [1, 2], TrainingRequest(name: "pair"))
        #expect(ensemble.members.count == 2 && ensemble.folds == nil)
        #expect(ensemble.metrics["accuracy"].map { (0...1).contains($0.mean) } == true)
        #expect(fixture.observer.events.filter { if case .seed = $0 { true } else { false } }.count == 2)

        // Evaluate a member on the dataset it was trained on: every clip is scored.
        let member = try #require(ensemble.members.first)
        let evaluation = try fixture.workbench.evaluate(run: member, dataset: "tones")
        #expect(evaluation.clips == 4 * 4 * 3)
        #expect(evaluation.id != nil)

        // Export to ONNX and classify two clips with the stored model.
        let export = try fixture.workbench.export(run: member, as: .onnx)
        #expect(!export.bytes.isEmpty && export.sha256 == SHA256.hex(export.bytes))
        let record = try fixture.workbench.recordExport(export, path: fixture.folder.appendingPathComponent("m.onnx").path)
        #expect(record.runID == member && record.size == Int64(export.bytes.count))
        let model = try fixture.workbench.model(ofRun: member)
        let clips = try FileManager.default.contentsOfDirectory(atPath: fixture.corpus.appendingPathComponent("Actor_04").path).sorted()
            .prefix(2).map { fixture.corpus.appendingPathComponent("Actor_04/\($0)").path }
        let missing = fixture.folder.appendingPathComponent("missing.wav").path
        let batch = try model.classify(clips + [missing])
        #expect(batch.results.count == 2 && batch.failures.map(\.path) == [missing])
        #expect(batch.results.allSatisfy { abs($0.probabilities.values.reduce(0, +) - 1) < 1e-4 })
        try fixture.workbench.record(batch, of: model)

        // The ensemble exports as one ONNX graph of its members; other formats hold one model.
        let graph = try fixture.workbench.export(run: ensemble.run, as: .onnx)
        #expect(graph.run == ensemble.run && !graph.bytes.isEmpty)
        #expect { try fixture.workbench.export(run: ensemble.run, as: .safetensors) } throws: { error in
            (error as? ModelUseError)?.location == "run \(ensemble.run)" && "\(error)".contains("ensemble of 2 models")
        }
    }
}
