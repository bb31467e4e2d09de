import Foundation
import SERCore
import SERRemote
import SERStore
import SERTestSupport
import SERWorkbench
import Testing
@testable import SERWorker

/// Queue workers in this process against a real PostgreSQL server started for each test.
@Suite(.enabled(if: TestPostgres.isAvailable, Comment(rawValue: TestPostgres.skipReason)))
struct WorkerTests {
    /// Columns that differ between two trainings of one run however exact they are: identity,
    /// clocks.
    static let circumstantial: Set<String> = ["run_uuid", "wall_seconds", "finished_at", "created_at"]

    /// Each table's rows without the circumstantial columns, in a fixed order.
    static func essentials(_ tables: [ExchangeTable], _ names: [String]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for table in tables where names.contains(table.name) {
            let kept = table.columns.indices.filter { !circumstantial.contains(table.columns[$0]) }
            out[table.name] = table.rows.map { row in "\(kept.map { row[$0] })" }.sorted()
        }
        return out
    }

    static let trainedTables = [
        "epochs", "run_metrics", "class_metrics", "confusion", "run_predictions", "run_splits", "run_normalization", "checkpoint_tensors",
    ]

    @Test func aQueuedRunIsBitIdenticalToTheSameRunTrainedHere() async throws {
        let fixture = try WorkerFixture()
        defer { fixture.remove() }
        try await TestPostgres.with { server in
            let settings = WorkerFixture.tiny()
            let submission = try fixture.workbench.planRun(settings, TrainingRequest(name: "queued")).submission()
            let remote = try await WorkerFixture.connect(server)
            try await remote.enqueue(submission, from: fixture.workbench.store)
            let store = try fixture.workerStore("w1", server: server)
            let summary = try await WorkerFixture.worker(store, server: server, name: "w1").run()
            #expect(summary.finished == 1 && summary.failed == 0 && summary.lost == 0)
            #expect(try server.value("SELECT state || ' ' || attempts FROM queue_trials") == "finished 1")
            let uuid = submission.trials[0].uuid
            #expect(try server.value("SELECT name || ' ' || status FROM runs WHERE uuid = '\(uuid)'") == "queued finished")
            let queued = try await remote.fetch(.run, key: uuid)
            await remote.close()

            let local = try fixture.workbench.train(settings)
            let localUUID = try #require(try fixture.workbench.store.pushCandidates([local.run]).first?.uuid)
            let here = try fixture.workbench.store.exportTables(.run, key: localUUID)
            let expected = Self.essentials(here, Self.trainedTables)
            #expect(expected["epochs"]?.count == 3 && expected["checkpoint_tensors"]?.isEmpty == false)
            for name in Self.trainedTables {
                #expect(Self.essentials(queued, [name])[name] == expected[name], "\(name) differs")
            }
        }
    }

    /// The enqueuer computes and uploads the feature tensors; a worker on a machine without
    /// the audio trains from them, exactly as the enqueuer would. A run whose tensors were not
    /// uploaded fails there, naming the audio it could not read.
    @Test func aWorkerWithoutTheAudioTrainsFromUploadedFeatures() async throws {
        let fixture = try WorkerFixture()
        defer { fixture.remove() }
        try await TestPostgres.with { server in
            let settings = WorkerFixture.tiny()
            let plan = try fixture.workbench.planRun(settings, TrainingRequest(name: "shipped"))
            let sets = try fixture.workbench.featureSets(of: plan, compute: true)
            let clips = try #require(sets.first?.outcome?.clips)
            #expect(sets.count == 1 && sets[0].outcome?.computed == clips && clips == 32)
            let remote = try await WorkerFixture.connect(server)
            let submission = plan.submission()
            let report = try await QueueSubmitter.submit(
                submission, featureSets: sets.map(\.key), to: remote, from: fixture.workbench.store)
            #expect(report == QueueSubmitter.Report(tensors: clips, runs: 1))
            #expect(try server.value("SELECT count(*) FROM features") == "\(clips)")
            // Queued again: nothing new to upload.
            let again = try fixture.workbench.planRun(settings, TrainingRequest(name: "again")).submission()
            #expect(
                try await QueueSubmitter.submit(again, featureSets: sets.map(\.key), to: remote, from: fixture.workbench.store).tensors == 0
            )
            // Another recipe, queued with no tensors (--queue-features none).
            var other = settings
            other.features = "mfcc20"
            let bare = try fixture.workbench.planRun(other, TrainingRequest(name: "bare")).submission()
            #expect(try await QueueSubmitter.submit(bare, featureSets: [], to: remote, from: fixture.workbench.store).tensors == 0)

            // The worker's machine has no audio.
            let corpus = fixture.folder.appendingPathComponent("corpus")
            try FileManager.default.moveItem(at: corpus, to: fixture.folder.appendingPathComponent("elsewhere"))
            let store = try fixture.workerStore("w1", server: server)
            let summary = try await WorkerFixture.worker(store, server: server, name: "w1").run()
            #expect(summary.finished == 2 && summary.failed == 1, "\(summary)")
            let key = try #require(sets.first?.key)
            #expect(try store.featureCoverage(key).cached.count == clips)
            let failure = try server.value("SELECT state || '|' || error FROM queue_trials WHERE uuid = '\(bare.trials[0].uuid)'")
            #expect(failure.hasPrefix("failed|") && failure.contains("corpus"), "\(failure)")
            let queued = try await remote.fetch(.run, key: submission.trials[0].uuid)
            await remote.close()

            // Exactly the run the enqueuer trains here, with its audio back in place.
            try FileManager.default.moveItem(at: fixture.folder.appendingPathComponent("elsewhere"), to: corpus)
            let local = try fixture.workbench.train(settings)
            let localUUID = try #require(try fixture.workbench.store.pushCandidates([local.run]).first?.uuid)
            let expected = Self.essentials(try fixture.workbench.store.exportTables(.run, key: localUUID), Self.trainedTables)
            #expect(expected["epochs"]?.count == 3)
            for name in Self.trainedTables {
                #expect(Self.essentials(queued, [name])[name] == expected[name], "\(name) differs")
            }
        }
    }

    /// `ser run --seeds 1,2 --queue`: two runs of their own and, once both are in, their
    /// ensemble, exactly as `ser run --seeds` records them here; for k-fold members the
    /// ensemble arrives with its folds.
    @Test(arguments: ["speaker", "kfold:2"])
    func queuedSeedsRecordTheEnsembleALocalSeedsRunRecords(split: String) async throws {
        let fixture = try WorkerFixture()
        defer { fixture.remove() }
        try await TestPostgres.with { server in
            var settings = WorkerFixture.tiny(epochs: 2)
            if split != "speaker" {
                settings.split = try SplitChoice(text: split)
                settings.testSpeakers = []
            }
            let submission = try fixture.workbench.planSeeds(settings, seeds: [1, 2], TrainingRequest(name: "seeds")).submission()
            let group = try #require(submission.group)
            #expect(submission.trials.map(\.run.name) == ["seeds seed 1", "seeds seed 2"] && group.parent.kind == .seeds)
            let queued = try await WorkerFixture.withRemote(server) { remote in
                try await remote.enqueue(submission, from: fixture.workbench.store)
                let store = try fixture.workerStore("w1", server: server)
                let summary = try await WorkerFixture.worker(store, server: server, name: "w1").run()
                #expect(summary.finished == 2 && summary.failed == 0)
                return try await remote.fetch(.run, key: group.uuid)
            }
            #expect(try server.value("SELECT state FROM queue_groups") == "finished")
            // Two members and the ensemble, each with its two folds when they are k-fold runs.
            let folds = split == "speaker" ? 0 : 2 * 3
            #expect(try server.value("SELECT count(*) FROM runs") == "\(3 + folds)")
            // The members are runs of their own; the ensemble names them by UUID on the remote.
            let members = submission.trials.map(\.uuid)
            #expect(
                try server.value("SELECT count(*) FROM runs WHERE uuid IN ('\(members.joined(separator: "','"))') AND parent_uuid IS NULL")
                    == "2")
            #expect(
                try server.value("SELECT config FROM runs WHERE uuid = '\(group.uuid)'")
                    .contains("[\"\(members[0])\",\"\(members[1])\"]"))

            let local = try fixture.workbench.trainSeeds(settings, seeds: [1, 2], TrainingRequest(name: "seeds"))
            let localUUID = try #require(try fixture.workbench.store.pushCandidates([local.run]).first?.uuid)
            let here = try fixture.workbench.store.exportTables(.run, key: localUUID)
            let compared = ["run_metrics", "class_metrics", "confusion", "run_predictions", "run_splits"]
            let expected = Self.essentials(here, compared)
            #expect(expected["run_metrics"]?.isEmpty == false)
            for name in compared {
                #expect(Self.essentials(queued, [name])[name] == expected[name], "\(name) differs")
            }
        }
    }

    @Test func aQueuedSweepRecordsTheParentALocalSweepRecords() async throws {
        let fixture = try WorkerFixture()
        defer { fixture.remove() }
        try await TestPostgres.with { server in
            let base = WorkerFixture.tiny(epochs: 2)
            let grid = try SweepGrid.parse([("lr", "1e-2,1e-3")])
            let submission = try fixture.workbench.planSweep(base, grid: grid, name: "lrs").submission()
            let remote = try await WorkerFixture.connect(server)
            try await remote.enqueue(submission, from: fixture.workbench.store)
            let summary = try await WorkerFixture.worker(try fixture.workerStore("w1", server: server), server: server, name: "w1").run()
            #expect(summary.finished == 2 && summary.sweeps == 1)
            let parent = try #require(submission.group?.uuid)
            #expect(try server.value("SELECT state FROM queue_groups") == "finished")
            #expect(try server.value("SELECT kind || ' ' || status FROM runs WHERE uuid = '\(parent)'") == "sweep finished")
            #expect(try server.value("SELECT count(*) FROM runs WHERE parent_uuid = '\(parent)' AND kind = 'trial'") == "2")
            let queuedParent = try await remote.fetch(.run, key: parent)
            let selected = try server.value("SELECT selected_run_uuid FROM runs WHERE uuid = '\(parent)'")
            let queuedChosen = try await remote.fetch(.run, key: selected)
            await remote.close()

            let local = try fixture.workbench.sweep(base, grid: grid, name: "lrs")
            #expect(local.status == .finished)
            let localParent = try #require(try fixture.workbench.store.pushCandidates([local.sweep]).first?.uuid)
            let chosen = try #require(local.trials.first?.run)
            let localChosen = try #require(try fixture.workbench.store.pushCandidates([chosen]).first?.uuid)
            let store = fixture.workbench.store
            #expect(
                Self.essentials(queuedParent, ["run_metrics", "hyperparameters"])
                    == Self.essentials(try store.exportTables(.run, key: localParent), ["run_metrics", "hyperparameters"]))
            #expect(
                Self.essentials(queuedChosen, Self.trainedTables)
                    == Self.essentials(try store.exportTables(.run, key: localChosen), Self.trainedTables))
        }
    }

    @Test func aQueuedKFoldRunTravelsWithItsFolds() async throws {
        let fixture = try WorkerFixture()
        defer { fixture.remove() }
        try await TestPostgres.with { server in
            var settings = WorkerFixture.tiny(epochs: 2)
            settings.testSpeakers = []
            settings = try settings.merging(["split": .string("kfold:2")], source: .caller)
            let submission = try fixture.workbench.planRun(settings, TrainingRequest(name: "folds")).submission()
            let remote = try await WorkerFixture.connect(server)
            try await remote.enqueue(submission, from: fixture.workbench.store)
            let summary = try await WorkerFixture.worker(try fixture.workerStore("w1", server: server), server: server, name: "w1").run()
            #expect(summary.finished == 1)
            let uuid = submission.trials[0].uuid
            #expect(try server.value("SELECT kind || ' ' || status FROM runs WHERE uuid = '\(uuid)'") == "kfold finished")
            #expect(
                try server.value("SELECT count(*) FROM runs WHERE parent_uuid = '\(uuid)' AND kind = 'fold' AND status = 'finished'") == "2"
            )
            let queued = try await remote.fetch(.run, key: uuid)
            await remote.close()
            let local = try fixture.workbench.train(settings)
            let localUUID = try #require(try fixture.workbench.store.pushCandidates([local.run]).first?.uuid)
            #expect(
                Self.essentials(queued, ["run_metrics"])
                    == Self.essentials(try fixture.workbench.store.exportTables(.run, key: localUUID), ["run_metrics"]))
        }
    }

    @Test func aTrialWithBadSettingsFailsOnceAndIsNotRetried() async throws {
        let fixture = try WorkerFixture()
        defer { fixture.remove() }
        try await TestPostgres.with { server in
            var submission = try fixture.workbench.planRun(WorkerFixture.tiny(epochs: 1)).submission()
            var bad = submission.trials[0]
            bad.uuid = UUID().uuidString.lowercased()
            bad.run.settings = #"{"epochs": 0, "lr": 0.01}"#
            submission.trials.insert(bad, at: 0)
            let remote = try await WorkerFixture.connect(server)
            try await remote.enqueue(submission, from: fixture.workbench.store)
            let store = try fixture.workerStore("w1", server: server)
            let summary = try await WorkerFixture.worker(store, server: server, name: "w1").run()
            #expect(summary.finished == 1 && summary.failed == 1)
            let row = try server.value("SELECT state || '|' || attempts || '|' || error FROM queue_trials WHERE uuid = '\(bad.uuid)'")
            #expect(row.hasPrefix("failed|1|") && row.contains("epochs"), "\(row)")
            #expect(try server.value("SELECT count(*) FROM runs WHERE uuid = '\(bad.uuid)'") == "0")
            // Another worker finds nothing to do: the failed trial is not claimed again.
            let again = try await WorkerFixture.worker(store, server: server, name: "w2").run()
            #expect(again == WorkerSummary())
            #expect(try server.value("SELECT attempts FROM queue_trials WHERE uuid = '\(bad.uuid)'") == "1")
            let status = try await remote.queueStatus()
            #expect(status.counts == ["failed": 1, "finished": 1] && status.workers.count == 2 && status.workers.allSatisfy(\.stopped))
            await remote.close()
        }
    }

    @Test func aStaleClaimIsTakenOverAndAnExhaustedOneFails() async throws {
        let fixture = try WorkerFixture()
        defer { fixture.remove() }
        try await TestPostgres.with { server in
            let remote = try await WorkerFixture.connect(server)
            let plan = try fixture.workbench.planRun(WorkerFixture.tiny(epochs: 1))
            try await remote.enqueue(plan.submission(maxAttempts: 2), from: fixture.workbench.store)
            // A worker that claims the trial and then says nothing more.
            let ghost = try #require(try await remote.claim(worker: "ghost", staleAfter: 1))
            #expect(ghost.attempt == 1)
            #expect(try await remote.claim(worker: "other", staleAfter: 60) == nil)
            let store = try fixture.workerStore("w1", server: server)
            let summary = try await WorkerFixture.worker(store, server: server, name: "w1", staleAfter: 1).run()
            #expect(summary.finished == 1)
            #expect(try server.value("SELECT state || ' ' || attempts || ' ' || worker FROM queue_trials") == "finished 2 w1")
            // The ghost's claim is gone: its heartbeat and its result change nothing.
            #expect(try await remote.heartbeat(ghost) == false)
            #expect(try await remote.fail(ghost, error: "late") == false)
            #expect(try server.value("SELECT count(*) FROM runs") == "1")

            // A trial whose only attempt went stale fails instead of being claimed again.
            try await remote.enqueue(plan.submission(maxAttempts: 1), from: fixture.workbench.store)
            let lone = try #require(try await remote.claim(worker: "ghost", staleAfter: 1))
            try await Task.sleep(for: .seconds(1.5))
            #expect(try await remote.claim(worker: "other", staleAfter: 1) == nil)
            let row = try server.value("SELECT state || '|' || error FROM queue_trials WHERE id = \(lone.id)")
            #expect(row.hasPrefix("failed|") && row.contains("ghost"), "\(row)")
            await remote.close()
        }
    }
}
