import Foundation
import GRDB
import Testing
@testable import SERStore
import SERCore
import SERTestSupport

/// What a run's records say is what happened (#16 items 1–3, 12): the best epoch is the best
/// one, parents report their children as they are, read-only databases can be read.
@Suite struct TruthfulRecordsTests {
    func makeStore(_ label: String = #function) throws -> Store {
        try Store.create(at: try ScratchFolder.make(label).appendingPathComponent("ser.db").path)
    }

    func newRun(_ name: String, kind: RunKind = .train, parent: Int64? = nil, config: String = #"{"select":"last"}"#) -> NewRun {
        NewRun(
            name: name, kind: kind, parentID: parent, datasetVersionID: nil, featureConfigID: nil, split: "speaker", seed: 42,
            config: config, commandLine: "ser run", tags: [], hyperparameters: [:], provenance: Provenance(serVersion: "0.1.0"))
    }

    static func epoch(_ n: Int, valLoss: Double, valAcc: Double = 0.5) -> EpochRecord {
        EpochRecord(
            epoch: n, trainLoss: 1, trainAccuracy: 0.5, validationLoss: valLoss, validationAccuracy: valAcc, validationF1: 0.4,
            learningRate: 1e-3, wallSeconds: 1)
    }

    /// `--select last`: every epoch's weights become the evaluated checkpoint, but only the
    /// epoch with the lowest validation loss is the best epoch (item 1).
    @Test func theBestEpochIsTheBestNotTheSelected() throws {
        let store = try makeStore()
        let id = try store.createRun(newRun("last"))
        let losses = [2.0, 1.5, 1.2, 1.6, 1.9]
        var best = Double.infinity
        for (i, loss) in losses.enumerated() {
            let improved = loss < best
            best = min(best, loss)
            let weights = Checkpoint(
                kind: .best, epoch: i + 1, classes: ["a"], tensors: [NamedTensor(name: "w", shape: [1], values: [Float(i)])])
            try store.recordEpoch(id, Self.epoch(i + 1, valLoss: loss), last: nil, best: weights, improved: improved)
        }
        let run = try #require(try store.runOverview(id))
        #expect(run.bestEpoch == 3)
        #expect(run.selectedEpoch == 5)
        #expect(try store.checkpoint(id, kind: .best)?.epoch == 5)
    }

    /// A database written before schema 3 stored the last epoch as the best for `--select
    /// last` runs; migration 3 recomputes it from the recorded epochs by the run's monitor.
    @Test func migrationThreeRecomputesTheBestEpochOfOldRuns() throws {
        let path = try ScratchFolder.make().appendingPathComponent("old.db").path
        let pool = try DatabasePool(path: path)
        let all = EmbeddedMigrations.all
        try Migrator(migrations: all.filter { $0.version <= 2 }).migrate(pool, path: path)
        try pool.write { db in
            for (id, config) in [
                (1, #"{"select":"last","monitor":"val_loss"}"#), (2, #"{"select":"last","monitor":"val_acc"}"#),
                (3, #"{"select":"best","monitor":"val_loss"}"#),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO runs (id, kind, status, seed, config, command_line, created_at, best_epoch)
                        VALUES (?, 'train', 'finished', 1, ?, 'ser run', 'now', ?)
                        """, arguments: [id, config, id == 3 ? 2 : 4])
                for (n, (loss, acc)) in [(1.5, 0.3), (1.1, 0.4), (1.3, 0.7), (1.4, 0.6)].enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO epochs (run_id, epoch, train_loss, train_acc, val_loss, val_acc, lr, wall_seconds, finished_at)
                            VALUES (?, ?, 1, 0.5, ?, ?, 0.001, 1, 'now')
                            """, arguments: [id, n + 1, loss, acc])
                }
            }
        }
        try Migrator().migrate(pool, path: path)
        let rows = try pool.read { db in try Row.fetchAll(db, sql: "SELECT id, best_epoch, selected_epoch FROM runs ORDER BY id") }
        #expect(rows.map { $0["best_epoch"] as Int } == [2, 3, 2])  // val_loss lowest at 2; val_acc highest at 3; select best kept
        #expect(rows.map { $0["selected_epoch"] as Int } == [4, 4, 2])
    }

    /// A k-fold parent's test metrics follow its folds: removing a fold recomputes the mean
    /// ± std over the remaining ones (item 3).
    @Test func removingAFoldRecomputesItsParent() throws {
        let store = try makeStore()
        let parent = try store.createRun(newRun("k", kind: .kfold))
        var folds: [Int64] = []
        for accuracy in [0.5, 0.6, 0.9] {
            let fold = try store.createRun(newRun("f", kind: .fold, parent: parent))
            try store.recordEvaluation(
                fold,
                EvaluationRecord(
                    subset: "test", metrics: ["accuracy": accuracy], classes: [], labels: [], confusion: [], predictions: []))
            try store.endRun(fold, status: .finished)
            folds.append(fold)
        }
        try store.refreshParent(parent)
        let all = try #require(try store.runMetrics(parent, subset: "test")["accuracy"])
        #expect(abs(all.value - 2.0 / 3) < 1e-12)
        _ = try store.deleteRun(folds[2])
        let two = try #require(try store.runMetrics(parent, subset: "test")["accuracy"])
        #expect(abs(two.value - 0.55) < 1e-12)
        #expect(abs((two.std ?? 0) - (0.005 as Double).squareRoot()) < 1e-12)
    }

    /// A sweep reports the trial chosen on validation, with that trial's own test metrics
    /// and no standard deviation, and chooses again when that trial is removed (item 2).
    @Test func aSweepReportsItsChosenTrial() throws {
        let store = try makeStore()
        let sweep = try store.createRun(newRun("s", kind: .sweep))
        var trials: [Int64] = []
        for (validation, test) in [(0.4, 0.9), (0.8, 0.5), (0.6, 0.7)] {
            let trial = try store.createRun(newRun("t", kind: .trial, parent: sweep))
            for (subset, accuracy) in [("val", validation), ("test", test)] {
                try store.recordEvaluation(
                    trial,
                    EvaluationRecord(
                        subset: subset, metrics: ["accuracy": accuracy], classes: [], labels: [], confusion: [], predictions: []))
            }
            try store.endRun(trial, status: .finished)
            trials.append(trial)
        }
        try store.refreshParent(sweep)
        let chosen = try store.read { db in try Int64.fetchOne(db, sql: "SELECT selected_run_id FROM runs WHERE id = ?", arguments: [sweep])
        }
        #expect(chosen == trials[1])
        let reported = try #require(try store.runMetrics(sweep, subset: "test")["accuracy"])
        #expect(reported.value == 0.5 && reported.std == nil)
        // compare shows the chosen trial too: its validation accuracy, no spread, 3 children.
        let row = try #require(try store.compare(CompareQuery(runIDs: [sweep])).rows.first)
        #expect(row.testAccuracy?.value == 0.5 && row.testAccuracy?.std == nil)
        #expect(row.validationAccuracy?.value == 0.8 && row.validationAccuracy?.std == nil)
        #expect(row.children == 3)
        _ = try store.deleteRun(trials[1])
        #expect(try store.runMetrics(sweep, subset: "test")["accuracy"]?.value == 0.7)
    }

    /// A process that is gone makes its `running` run dead at once, not 60 s later (item 3).
    @Test func aRunWhoseProcessIsGoneIsDead() throws {
        let store = try makeStore()
        let id = try store.createRun(
            NewRun(
                name: "r", datasetVersionID: nil, featureConfigID: nil, split: nil, seed: 1, config: "{}", commandLine: "ser run",
                tags: [], hyperparameters: [:], provenance: Provenance(serVersion: "0.1.0", hostname: ProcessInfo.processInfo.hostName)))
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        try store.markRunning(id, pid: child.processIdentifier)
        #expect(try store.runProcessIsGone(id))
        try store.markRunning(id, pid: getppid())  // alive
        #expect(try !store.runProcessIsGone(id))
    }

    /// `Store.open(readOnly:)` reads a current database without writing a byte, and refuses
    /// one that needs migrating with a message saying so (item 12).
    @Test func readOnlyOpeningNeverWrites() throws {
        let folder = try ScratchFolder.make()
        let path = folder.appendingPathComponent("ser.db").path
        do {
            let store = try Store.create(at: path)
            _ = try store.createRun(newRun("x"))
            store.checkpoint()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try Store.open(at: path, readOnly: true)
        #expect(try reader.runOverview(1)?.name == "x")
        #expect(throws: StoreError.self) { try reader.write { db in try db.execute(sql: "DELETE FROM runs") } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        let old = folder.appendingPathComponent("old.db").path
        let pool = try DatabasePool(path: old)
        try Migrator(migrations: EmbeddedMigrations.all.filter { $0.version <= 2 }).migrate(pool, path: old)
        // Read-only, it cannot be migrated: the check says so (Store.open uses it when the
        // file, folder or medium cannot be written, which root never sees, hence this level).
        #expect {
            try Migrator().checkCurrent(pool, path: old)
        } throws: { error in
            (error as? StoreError)?.code == .needsMigration && "\(error)".contains("write access")
        }
        try pool.close()
        // Writable, a read command migrates it once and then reads without writing.
        let upgraded = try Store.open(at: old, readOnly: true)
        #expect(
            try upgraded.read { db in try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_migrations") }
                == EmbeddedMigrations.latestVersion)
    }

    /// After a checkpoint the database file alone holds every commit (item 5).
    @Test func aCheckpointLeavesNothingOnlyInTheLog() throws {
        let folder = try ScratchFolder.make()
        let path = folder.appendingPathComponent("ser.db").path
        let store = try Store.create(at: path)
        _ = try store.createRun(newRun("kept"))
        store.checkpoint()
        let copy = folder.appendingPathComponent("copy.db").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let queue = try DatabaseQueue(path: copy)
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT name FROM runs") } == "kept")
    }
}
