import Foundation
import GRDB
import Testing

/// `ser run` end to end on a generated tone corpus, through the real binary.
@Suite(.serialized) struct RunCommandTests {
    /// Small and fast settings for debug builds.
    static let tiny = [
        "--sample-rate", "16000", "--layers", "12", "--dense", "12", "--batch", "8", "--max-frames", "16",
        "--dropout", "0", "--threads", "1",
    ]

    func corpus(actors: Int = 6) throws -> TestCorpus {
        try TestCorpus.importedTones(actors: actors)
    }

    func queue(_ corpus: TestCorpus) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: corpus.database, configuration: config)
    }

    @Test func aRunRecordsItsWholeLifeInTheDatabase() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        let result = try corpus.ser(
            ["run", "--epochs", "3", "--test-speakers", "6", "--seed", "1", "--name", "first", "--tag", "t1", "--json"] + Self.tiny)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"status\" : \"finished\""))
        try queue(corpus).read { (db: Database) throws -> Void in
            let run = try #require(try Row.fetchOne(db, sql: "SELECT * FROM run_summary WHERE name = 'first'"))
            let id: Int64 = run["id"]
            #expect(run["status"] as String == "finished")
            #expect(run["epochs_done"] as Int == 3)
            // --select last (the default) evaluates the final weights; the best epoch is the best one.
            #expect(try Int.fetchOne(db, sql: "SELECT selected_epoch FROM runs WHERE id = ?", arguments: [id]) == 3)
            #expect(
                run["best_epoch"] as Int?
                    == (try Int.fetchOne(
                        db, sql: "SELECT epoch FROM epochs WHERE run_id = ? ORDER BY val_loss, epoch LIMIT 1", arguments: [id])))
            #expect(run["test_acc"] as Double? != nil)
            #expect(run["tags"] as String == "t1")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM checkpoints WHERE run_id = ?", arguments: [id]) == 2)
            let test =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM run_splits WHERE run_id = ? AND subset = 'test'", arguments: [id]) ?? 0
            #expect(test == 12)  // actor 06: 4 emotions × 3 repetitions
            #expect(
                try Int.fetchOne(db, sql: "SELECT sum(count) FROM confusion WHERE run_id = ? AND subset = 'test'", arguments: [id]) == test)
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM run_predictions WHERE run_id = ? AND subset = 'test'", arguments: [id])
                    == test)
            #expect(try Int.fetchOne(db, sql: "SELECT dims FROM run_normalization WHERE run_id = ?", arguments: [id]) == 59)
            #expect(try String.fetchOne(db, sql: "SELECT build_commit FROM provenance WHERE run_id = ?", arguments: [id]) != nil)
            #expect(
                try String.fetchOne(db, sql: "SELECT value FROM hyperparameters WHERE run_id = ? AND name = 'layers'", arguments: [id])
                    == "[12]")
            // Speaker independence: no test speaker in training.
            let leaked = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM run_splits s JOIN clips c ON c.id = s.clip_id
                    WHERE s.run_id = ? AND s.subset != 'test' AND c.speaker = '06'
                    """, arguments: [id])
            #expect(leaked == 0)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
        let shown = try corpus.ser(["show", "1"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("confusion"))
        let listed = try corpus.ser(["runs"])
        #expect(listed.stdout.contains("first"))
        // Tags, notes and deletion with everything the run recorded.
        #expect(try corpus.ser(["tag", "1", "keep", "paper"]).status == 0)
        #expect(try corpus.ser(["note", "1", "the first try"]).status == 0)
        #expect(try corpus.ser(["runs", "--tag", "paper"]).stdout.contains("first"))
        #expect(try corpus.ser(["tag", "9", "x"]).stderr.contains("no run 9"))
        let removed = try corpus.ser(["rm", "1"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("Moved run 1 to the trash"))
        #expect(try corpus.ser(["show", "1"]).stderr.contains("in the trash"))
        let collected = try corpus.ser(["gc"])
        #expect(collected.status == 0 && collected.stdout.contains("Deleted 1 run for good"), "\(collected.stderr)")
        try queue(corpus).read { (db: Database) throws -> Void in
            for table in ["runs", "epochs", "checkpoints", "checkpoint_tensors", "run_splits", "confusion", "run_tags", "hyperparameters"] {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") == 0, "\(table)")
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM clips") == 72)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test func killedMidTrainingThenResumedReachesTheUninterruptedResult() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        // With augmentation on, so resuming must also replay the per-epoch masks exactly.
        let settings =
            [
                "run", "--epochs", "5", "--test-speakers", "6", "--seed", "7", "--select", "best", "--time-masks", "1", "--time-mask-width",
                "4", "--feature-noise", "0.05",
            ] + Self.tiny
        let straight = try corpus.ser(settings + ["--name", "straight"])
        #expect(straight.status == 0, "\(straight.stderr)")
        // Same run, killed with SIGKILL once epoch 2 is committed.
        let process = try SERProcess.start(
            settings + ["--name", "killed", "--db", corpus.database], environment: ["SER_TEST_EPOCH_DELAY_MS": "400"])
        let deadline = Date().addingTimeInterval(120)
        var epochs = 0
        while Date() < deadline && process.isRunning {
            epochs =
                (try? queue(corpus).read { db in
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM epochs e JOIN runs r ON r.id = e.run_id WHERE r.name = 'killed'")
                }) ?? 0
            if epochs >= 2 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(epochs >= 2)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let killed = try #require(try queue(corpus).read { try Int64.fetchOne($0, sql: "SELECT id FROM runs WHERE name = 'killed'") })
        try queue(corpus).read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM epochs WHERE run_id = ?", arguments: [killed]) ?? 0 < 5)
        }
        // Its heartbeat is left behind; mark it as old so the run shows as dead, then resume.
        try DatabaseQueue(path: corpus.database).write { db in
            try db.execute(sql: "UPDATE runs SET heartbeat_at = '2000-01-01T00:00:00.000Z' WHERE id = ?", arguments: [killed])
        }
        let resumed = try corpus.ser(["run", "--resume", String(killed)])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        try queue(corpus).read { (db: Database) throws -> Void in
            let metrics = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.name, a.value AS straight, b.value AS resumed FROM run_metrics a
                    JOIN run_metrics b ON b.name = a.name AND b.subset = a.subset
                    WHERE a.run_id = (SELECT id FROM runs WHERE name = 'straight') AND b.run_id = ? AND a.subset = 'test'
                    """, arguments: [killed])
            #expect(metrics.count >= 3)
            for m in metrics { #expect(m["straight"] as Double == m["resumed"] as Double, "\(m["name"] as String)") }
            let sameWeights = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM checkpoints a JOIN checkpoints b ON a.sha256 = b.sha256 AND a.kind = b.kind
                    WHERE a.kind = 'best' AND a.run_id = (SELECT id FROM runs WHERE name = 'straight') AND b.run_id = ?
                    """, arguments: [killed])
            #expect(sameWeights == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM epochs WHERE run_id = ?", arguments: [killed]) == 5)
        }
    }

    @Test func speedPerturbedCopiesAreCachedAsTheirOwnRecipesAndDrawnReproducibly() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        // Refused before anything is written: 1 is no perturbation, 3 is out of range.
        for bad in ["1", "0.9,3", "fast"] {
            let refused = try corpus.ser(["run", "--epochs", "1", "--test-speakers", "6", "--speed-perturb", bad, "-q"] + Self.tiny)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("--speed-perturb"), "\(refused.stderr)")
        }
        let settings = ["run", "--epochs", "3", "--test-speakers", "6", "--speed-perturb", "0.9,1.1", "--seed", "3", "-q"] + Self.tiny
        let first = try corpus.ser(settings + ["--name", "a"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try corpus.ser(settings + ["--name", "b"])
        #expect(second.status == 0, "\(second.stderr)")
        try queue(corpus).read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE name IS NULL") == 0)
            let names = try String.fetchAll(db, sql: "SELECT name FROM feature_configs ORDER BY id")
            #expect(names == ["mfcc40+chroma+contrast@16000", "mfcc40+chroma+contrast@16000×0.9", "mfcc40+chroma+contrast@16000×1.1"])
            // Every clip has all three; slowed down = more frames, sped up = fewer.
            let frames = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.name, sum(f.frames) AS frames, count(*) AS clips FROM features f
                    JOIN feature_configs c ON c.id = f.config_id GROUP BY c.id ORDER BY c.id
                    """)
            #expect(frames.map { $0["clips"] as Int } == [72, 72, 72])
            let original = Double(frames[0]["frames"] as Int)
            #expect(abs(Double(frames[1]["frames"] as Int) / original - 1 / 0.9) < 0.03)
            #expect(abs(Double(frames[2]["frames"] as Int) / original - 1 / 1.1) < 0.03)
            #expect(
                try String.fetchOne(db, sql: "SELECT value FROM hyperparameters WHERE run_id = 1 AND name = 'speedPerturb'") == "[0.9,1.1]")
            // The run is tied to the features of the clips as recorded, and the draw is seeded.
            #expect(
                try String.fetchOne(
                    db, sql: "SELECT c.name FROM runs r JOIN feature_configs c ON c.id = r.feature_config_id WHERE r.id = 1")
                    == "mfcc40+chroma+contrast@16000")
            let same = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM checkpoints a JOIN checkpoints b ON a.sha256 = b.sha256 AND a.kind = b.kind
                    WHERE a.run_id = 1 AND b.run_id = 2 AND a.kind = 'best'
                    """)
            #expect(same == 1)
        }
        // Mixup on top: recorded, and it changes the weights too.
        let mixed = try corpus.ser(settings + ["--name", "m", "--mixup", "0.4"])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        let refused = try corpus.ser(settings + ["--name", "bad", "--mixup", "-1"])
        #expect(refused.status != 0 && refused.stderr.contains("--mixup"), "\(refused.stderr)")
        try queue(corpus).read { (db: Database) throws -> Void in
            #expect(
                try String.fetchOne(
                    db, sql: "SELECT value FROM hyperparameters h JOIN runs r ON r.id = h.run_id WHERE r.name = 'm' AND h.name = 'mixup'")
                    == "0.4")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE name = 'bad'") == 0)
        }
        // The copies change what the model sees: without them the weights differ.
        let plain = try corpus.ser(["run", "--epochs", "3", "--test-speakers", "6", "--seed", "3", "-q", "--name", "c"] + Self.tiny)
        #expect(plain.status == 0, "\(plain.stderr)")
        try queue(corpus).read { (db: Database) throws -> Void in
            let same = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM checkpoints a JOIN checkpoints b ON a.sha256 = b.sha256 AND a.kind = b.kind
                    WHERE a.run_id = 1 AND b.run_id IN (3, 4) AND a.kind = 'best'
                    """)
            #expect(same == 0)
        }
    }

    @Test func reproduceGivesIdenticalMetricsAndSaysSo() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        #expect(try corpus.ser(["run", "--epochs", "2", "--test-speakers", "6", "-q"] + Self.tiny).status == 0)
        let again = try corpus.ser(["run", "--reproduce", "1"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("test metrics identical"))
        try queue(corpus).read { (db: Database) throws -> Void in
            #expect(try Int64.fetchOne(db, sql: "SELECT reproduces_run_id FROM runs WHERE id = 2") == 1)
            #expect(
                try String.fetchOne(db, sql: "SELECT config FROM runs WHERE id = 1")
                    == (try String.fetchOne(db, sql: "SELECT config FROM runs WHERE id = 2")))
            let gemm = try String.fetchOne(db, sql: "SELECT json_extract(extra, '$.gemm') FROM provenance WHERE run_id = 2")
            #expect(["ser_gemm-avx512", "ser_gemm-avx2", "openblas"].contains(gemm), "provenance.extra.gemm: \(gemm ?? "missing")")
        }
        // A run recorded elsewhere (another BLAS thread count, before `gemm` was recorded) whose
        // metrics do not come out the same: the note names what differs between the two runs.
        try DatabaseQueue(path: corpus.database).write { (db: Database) throws -> Void in
            try db.execute(sql: "UPDATE provenance SET blas_threads = 7, extra = '{}' WHERE run_id = 1")
            try db.execute(sql: "UPDATE run_metrics SET value = value + 0.25 WHERE run_id = 1 AND subset = 'test' AND name = 'accuracy'")
        }
        let third = try corpus.ser(["run", "--reproduce", "1"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout.contains("test metrics differ (accuracy"), "\(third.stdout)")
        #expect(third.stdout.contains("the two runs differ in blas_threads 7 → "), "\(third.stdout)")
        #expect(third.stdout.contains("gemm openblas (before ser_gemm existed) → "), "\(third.stdout)")
    }

    @Test func kfoldMakesAParentWithKChildrenAndMeanAndStd() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        let result = try corpus.ser(["run", "--split", "kfold:3", "--epochs", "2"] + Self.tiny)
        #expect(result.status == 0, "\(result.stderr)")
        // The parent's summary is its folds' mean and spread; it has no test evaluation of its own to miss.
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("k-fold run 1 finished in ") && last.hasSuffix("over 3 folds"), "\(result.stdout)")
        #expect(!result.stdout.contains("no test clips"), "\(result.stdout)")
        try queue(corpus).read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "SELECT kind FROM runs WHERE id = 1") == "kfold")
            #expect(try String.fetchOne(db, sql: "SELECT status FROM run_summary WHERE id = 1") == "finished")
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE parent_id = 1 AND kind = 'fold' AND status = 'finished'") == 3)
            let accuracy = try #require(
                try Row.fetchOne(db, sql: "SELECT value, std FROM run_metrics WHERE run_id = 1 AND subset = 'test' AND name = 'accuracy'"))
            let folds = try Double.fetchAll(
                db,
                sql:
                    "SELECT value FROM run_metrics WHERE subset = 'test' AND name = 'accuracy' AND run_id IN (SELECT id FROM runs WHERE parent_id = 1)"
            )
            #expect(abs((accuracy["value"] as Double) - folds.reduce(0, +) / 3) < 1e-12)
            #expect(accuracy["std"] as Double? != nil)
            // Every clip is tested exactly once across the folds.
            #expect(
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(DISTINCT clip_id) FROM run_splits WHERE subset = 'test' AND run_id IN (SELECT id FROM runs WHERE parent_id = 1)"
                ) == 72)
            #expect(
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM run_splits WHERE subset = 'test' AND run_id IN (SELECT id FROM runs WHERE parent_id = 1)"
                ) == 72)
        }
    }

    @Test func fourConcurrentRunsOnOneDatabaseAllFinish() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        // Features first, so the four runs share the cache and contend only on writes.
        #expect(try corpus.ser(["features", "--sample-rate", "16000", "-q"]).status == 0)
        let processes = try (1...4).map { seed in
            try SERProcess.start(
                ["run", "--epochs", "2", "--seed", String(seed), "--test-speakers", "6", "--db", corpus.database] + Self.tiny)
        }
        for p in processes { p.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
        try queue(corpus).read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE status = 'finished'") == 4)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM epochs") == 8)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM checkpoints WHERE kind = 'best'") == 4)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
    }

    @Test func sigintMarksTheRunInterruptedAndResumable() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        let process = try SERProcess.start(
            ["run", "--epochs", "30", "--test-speakers", "6", "--db", corpus.database] + Self.tiny,
            environment: ["SER_TEST_EPOCH_DELAY_MS": "300"])
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let epochs = (try? queue(corpus).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM epochs") }) ?? 0
            if epochs >= 1 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        try queue(corpus).read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "SELECT status FROM runs WHERE id = 1") == "interrupted")
            #expect(try String.fetchOne(db, sql: "SELECT error FROM runs WHERE id = 1")?.contains("--resume 1") == true)
        }
    }

    @Test func badInputIsRefusedBeforeTrainingAndWritesNoRun() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        let cases: [([String], String)] = [
            (["--dataset", "nope"], "no dataset named 'nope'"),
            (["--lr=-0.01"], "--lr"),
            (["--layers", "0"], "--layers"),
            (["--test-speakers", "1,2,3,4,5,6"], "none is left for training"),
            (["--split", "kfold:9"], "needs at least 9 speakers"),
            (["--features", "mfcc40+loudness"], "unknown feature 'loudness'"),
        ]
        for (arguments, message) in cases {
            let result = try corpus.ser(["run", "--epochs", "1"] + Self.tiny + arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        // A source file that moved: features cannot be computed, no run is written.
        let moved = corpus.corpus.appendingPathComponent("Actor_01/03-01-01-01-01-01-01.wav")
        try FileManager.default.removeItem(at: moved)
        let result = try corpus.ser(["run", "--epochs", "1"] + Self.tiny)
        #expect(result.status == 1)
        #expect(result.stderr.contains("03-01-01-01-01-01-01.wav"))
        #expect(result.stderr.contains("moved"))
        #expect(result.stderr.contains("nothing of the run was written"))
        try queue(corpus).read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") == 0)
        }
    }

    @Test func aSplitThatLeavesAClassWithoutTrainingClipsIsRefused() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        try corpus.writeToneCorpus(actors: 4)
        try corpus.writeToneCorpus(actors: 1, emotions: [8])  // only actor 01 is ever surprised
        #expect(try corpus.ser(["import", corpus.corpus.path, "-q"]).status == 0)
        let result = try corpus.ser(["run", "--test-speakers", "1", "--epochs", "1"] + Self.tiny)
        #expect(result.status == 1)
        #expect(result.stderr.contains("surprised"))
        #expect(try queue(corpus).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM runs") } == 0)
    }

    @Test func aSweepRunsEveryCombinationAsChildrenOfOneParent() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        let result = try corpus.ser([
            "sweep", "--lr", "1e-3,3e-3", "--layers", "8:12", "--test-speakers", "6", "--jobs", "2", "--json",
            "--set", "epochs=2", "--set", "sampleRate=16000", "--set", "dense=12", "--set", "batch=8", "--set", "maxFrames=16",
            "--set", "dropout=0", "--set", "threads=1",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        try queue(corpus).read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "SELECT kind FROM runs WHERE id = 1") == "sweep")
            let trials = try Row.fetchAll(
                db,
                sql:
                    "SELECT r.status, h.value AS lr, l.value AS layers FROM runs r JOIN hyperparameters h ON h.run_id = r.id AND h.name = 'lr' JOIN hyperparameters l ON l.run_id = r.id AND l.name = 'layers' WHERE r.parent_id = 1 AND r.kind = 'trial'"
            )
            #expect(trials.count == 4)
            #expect(trials.allSatisfy { $0["status"] as String == "finished" })
            #expect(
                Set(trials.map { "\($0["lr"] as String) \($0["layers"] as String)" }) == [
                    "0.001 [8]", "0.001 [12]", "0.003 [8]", "0.003 [12]",
                ])
            // The sweep reports its chosen trial's test accuracy (trials are alternatives, not folds).
            let chosen = try #require(try Int64.fetchOne(db, sql: "SELECT selected_run_id FROM runs WHERE id = 1"))
            #expect(
                try Double.fetchOne(db, sql: "SELECT std FROM run_metrics WHERE run_id = 1 AND subset = 'test' AND name = 'accuracy'")
                    == nil)
            #expect(
                try Double.fetchOne(db, sql: "SELECT value FROM run_metrics WHERE run_id = 1 AND subset = 'test' AND name = 'accuracy'")
                    == (try Double.fetchOne(
                        db, sql: "SELECT value FROM run_metrics WHERE run_id = ? AND subset = 'test' AND name = 'accuracy'",
                        arguments: [chosen])))
        }
    }

    /// A sweep's trials start from its recipe, as `ser run`'s do (a sweep used to record the
    /// recipe's name and train from the defaults).
    @Test func aSweepStartsFromItsRecipe() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        let result = try corpus.ser([
            "sweep", "--recipe", "best", "--lr", "1e-3,3e-3", "--test-speakers", "6", "-q", "--set", "epochs=1",
            "--set", "features=mfcc13", "--set", "sampleRate=16000", "--set", "layers=8", "--set", "dense=8", "--set", "batch=8",
            "--set", "maxFrames=16", "--set", "threads=1",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        try queue(corpus).read { (db: Database) throws -> Void in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.kind, n.value AS normalization, b.value AS bidirectional, p.value AS pooling, l.value AS lr
                    FROM runs r JOIN hyperparameters n ON n.run_id = r.id AND n.name = 'normalization'
                    JOIN hyperparameters b ON b.run_id = r.id AND b.name = 'bidirectional'
                    JOIN hyperparameters p ON p.run_id = r.id AND p.name = 'pooling'
                    JOIN hyperparameters l ON l.run_id = r.id AND l.name = 'lr' WHERE r.kind = 'trial' ORDER BY r.id
                    """)
            #expect(rows.map { $0["lr"] as String } == ["0.001", "0.003"])
            for row in rows {
                #expect(row["normalization"] as String == "\"cmvn\"")
                #expect(row["bidirectional"] as String == "true")
                #expect(row["pooling"] as String == "\"attention\"")
            }
        }
    }

    @Test func speakerNormalisationTrainsAndIsRefusedForDeployment() throws {
        let corpus = try corpus()
        defer { corpus.remove() }
        let result = try corpus.ser(["run", "--epochs", "2", "--test-speakers", "6", "--normalization", "speaker", "-q"] + Self.tiny)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try queue(corpus).read { try String.fetchOne($0, sql: "SELECT method FROM run_normalization WHERE run_id = 1") }
                == "speaker-zscore")
        let clip = corpus.corpus.appendingPathComponent("Actor_06/03-01-03-01-01-01-06.wav").path
        let predicted = try corpus.ser(["predict", clip, "--run", "1"])
        #expect(predicted.status == 1)
        #expect(predicted.stderr.contains("per-speaker"))
    }
}
