import Foundation
import GRDB
import Testing

/// What `ser` records and shows is true, and hostile output destinations, read-only media,
/// broken pipes and bad settings never crash it nor corrupt anything (#16), through the real
/// binary.
@Suite(.serialized) struct TrustCommandTests {
    static let tiny = RunCommandTests.tiny

    func queue(_ corpus: TestCorpus) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: corpus.database, configuration: config)
    }

    /// Item 2: a sweep parent records what its trials ran (each swept setting as its list of
    /// alternatives, the shared ones as given) and reports the trial chosen on validation.
    @Test func aSweepRecordsWhatItsTrialsRan() throws {
        let corpus = try TestCorpus.importedTones(actors: 6)
        defer { corpus.remove() }
        let sweep = try corpus.ser(["sweep", "--lr", "0.01,0.003", "--set", "epochs=2", "--test-speakers", "6", "-q"] + Self.sweepTiny)
        #expect(sweep.status == 0, "\(sweep.stderr)")
        try queue(corpus).read { (db: Database) throws -> Void in
            let parent = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE kind = 'sweep'"))
            #expect(
                try String.fetchOne(db, sql: "SELECT value FROM hyperparameters WHERE run_id = ? AND name = 'lr'", arguments: [parent])
                    == "[0.01,0.003]")
            #expect(
                try String.fetchOne(db, sql: "SELECT value FROM hyperparameters WHERE run_id = ? AND name = 'epochs'", arguments: [parent])
                    == "[2]")
            let config = try #require(try String.fetchOne(db, sql: "SELECT config FROM runs WHERE id = ?", arguments: [parent]))
            #expect(config.contains("\"lr\":[0.01,0.003]"))
            // The reported test accuracy is the chosen trial's, with no spread.
            let chosen = try #require(try Int64.fetchOne(db, sql: "SELECT selected_run_id FROM runs WHERE id = ?", arguments: [parent]))
            let best = try Int64.fetchOne(
                db,
                sql: """
                    SELECT r.id FROM runs r JOIN run_metrics m ON m.run_id = r.id AND m.subset = 'val' AND m.name = 'accuracy'
                    WHERE r.parent_id = ? ORDER BY m.value DESC, r.id LIMIT 1
                    """, arguments: [parent])
            #expect(chosen == best)
            let reported = try Row.fetchOne(
                db, sql: "SELECT value, std FROM run_metrics WHERE run_id = ? AND subset = 'test' AND name = 'accuracy'",
                arguments: [parent])
            let trial = try Double.fetchOne(
                db, sql: "SELECT value FROM run_metrics WHERE run_id = ? AND subset = 'test' AND name = 'accuracy'", arguments: [chosen])
            #expect(reported?["value"] as Double? == trial)
            #expect(reported?["std"] as Double? == nil)
        }
    }

    static let sweepTiny = [
        "--set", "sampleRate=16000", "--set", "layers=12", "--set", "dense=12", "--set", "batch=8", "--set", "maxFrames=16",
        "--set", "dropout=0", "--set", "threads=1",
    ]

    /// Item 3: a k-fold run killed with SIGKILL mid-fold is resumed through its parent at once
    /// (its pid is gone, so no 60 s wait), finishes every fold, records where the fold resumed,
    /// and gets its mean ± std; removing a fold recomputes it.
    @Test func aKilledKFoldRunIsResumedThroughItsParent() throws {
        let corpus = try TestCorpus.importedTones(actors: 6)
        defer { corpus.remove() }
        let settings = ["run", "--split", "kfold:3", "--epochs", "3", "--seed", "3"] + Self.tiny
        let process = try SERProcess.start(settings + ["--db", corpus.database], environment: ["SER_TEST_EPOCH_DELAY_MS": "300"])
        let deadline = Date().addingTimeInterval(120)
        var reached = 0
        while Date() < deadline && process.isRunning {
            reached =
                (try? queue(corpus).read { db in
                    try Int.fetchOne(
                        db,
                        sql: "SELECT count(*) FROM epochs e JOIN runs r ON r.id = e.run_id WHERE r.kind = 'fold' AND r.name LIKE '% fold 2'"
                    )
                }) ?? 0
            if reached >= 1 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(reached >= 1)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let resumed = try corpus.ser(["run", "--resume", "1", "-q"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        try queue(corpus).read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "SELECT status FROM runs WHERE id = 1") == "finished")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE parent_id = 1 AND status = 'finished'") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE parent_id = 1 AND resumed_from_epoch >= 1") == 1)
            let accuracy = try Row.fetchOne(
                db, sql: "SELECT value, std FROM run_metrics WHERE run_id = 1 AND subset = 'test' AND name = 'accuracy'")
            let folds = try Double.fetchAll(
                db,
                sql: """
                    SELECT m.value FROM run_metrics m JOIN runs r ON r.id = m.run_id WHERE r.parent_id = 1 AND m.subset = 'test' AND m.name = 'accuracy'
                    """)
            #expect(folds.count == 3)
            #expect(abs((accuracy?["value"] as Double? ?? -1) - folds.reduce(0, +) / 3) < 1e-12)
            #expect(accuracy?["std"] as Double? != nil)
        }
        let fold = try #require(
            try queue(corpus).read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM runs WHERE parent_id = 1") })
        #expect(try corpus.ser(["rm", String(fold), "-q"]).status == 0)
        try queue(corpus).read { (db: Database) throws -> Void in
            let mean = try Double.fetchOne(
                db, sql: "SELECT value FROM run_metrics WHERE run_id = 1 AND subset = 'test' AND name = 'accuracy'")
            let left = try Double.fetchAll(
                db,
                sql: """
                    SELECT m.value FROM run_metrics m JOIN runs r ON r.id = m.run_id
                    WHERE r.parent_id = 1 AND r.deleted_at IS NULL AND m.subset = 'test' AND m.name = 'accuracy'
                    """)
            #expect(left.count == 2)
            #expect(abs((mean ?? -1) - left.reduce(0, +) / 2) < 1e-12)
        }
    }

    /// Item 1: a `--select last` run shows its real best epoch next to the evaluated one, and
    /// the database's best epoch is the epoch with the lowest validation loss.
    @Test func aRunShowsItsRealBestEpoch() throws {
        let corpus = try TestCorpus.importedTones(actors: 6)
        defer { corpus.remove() }
        let run = try corpus.ser(
            ["run", "--epochs", "6", "--lr", "0.05", "--test-speakers", "6", "--select", "last", "--json"] + Self.tiny)
        #expect(run.status == 0, "\(run.stderr)")
        let (best, selected, argmin) = try queue(corpus).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT best_epoch FROM runs WHERE id = 1"),
                try Int.fetchOne(db, sql: "SELECT selected_epoch FROM runs WHERE id = 1"),
                try Int.fetchOne(db, sql: "SELECT epoch FROM epochs WHERE run_id = 1 ORDER BY val_loss, epoch LIMIT 1")
            )
        }
        #expect(best == argmin)
        #expect(selected == 6)
        #expect(run.stdout.contains("\"best_epoch\" : \(best ?? -1)"))
        let shown = try corpus.ser(["show", "1"])
        #expect(shown.stdout.contains("best epoch \(best ?? -1)"))
        // `*` marks the best epoch's row only.
        let starred = shown.stdout.split(separator: "\n").filter { $0.hasSuffix("*") || $0.hasSuffix("*>") }
        #expect(starred.count == 1)
    }

    /// Item 4: three imports of one corpus at once add each clip once, and together report
    /// exactly as many new clips as there are.
    @Test func concurrentImportsCountEachClipOnce() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        let clips = try corpus.writeToneCorpus(actors: 4)
        let processes = (0..<3).map { _ in
            SERProcess.make(["import", corpus.corpus.path, "--name", "tones", "--json", "--db", corpus.database])
        }
        let outputs = (0..<3).map { _ in Pipe() }
        for (process, pipe) in zip(processes, outputs) {
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
        }
        var reported = 0
        for (process, pipe) in zip(processes, outputs) {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            reported += object?["new_clips"] as? Int ?? -1000
        }
        #expect(reported == clips)
        #expect(try queue(corpus).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM clips") } == clips)
    }

    /// Item 5: after `init` and `import` exit, `ser.db` alone holds the data.
    @Test func theDatabaseFileAloneHoldsEverythingAtExit() throws {
        let corpus = try TestCorpus.importedTones(actors: 2)
        defer { corpus.remove() }
        let copy = corpus.folder.appendingPathComponent("copy.db").path
        try FileManager.default.copyItem(atPath: corpus.database, toPath: copy)
        let clips = try DatabaseQueue(path: copy).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM clips") }
        #expect(clips == 24)
        let wal = (try? FileManager.default.attributesOfItem(atPath: corpus.database + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
    }

    /// Item 6: output paths are written only as regular files — a FIFO, a link to a device
    /// or to a FIFO is refused and left as it was; a link to a regular file is written through.
    @Test func outputsAreWrittenOnlyAsRegularFiles() throws {
        let corpus = try TestCorpus.importedTones(actors: 2)
        defer { corpus.remove() }
        let fifo = corpus.folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let toDevice = corpus.folder.appendingPathComponent("null.png").path
        try FileManager.default.createSymbolicLink(atPath: toDevice, withDestinationPath: "/dev/null")
        let toFifo = corpus.folder.appendingPathComponent("fifo.png").path
        try FileManager.default.createSymbolicLink(atPath: toFifo, withDestinationPath: fifo)
        for target in [fifo, toDevice, toFifo] {
            let result = try corpus.ser(["plot", "dataset", "tones", "--format", "png", "-o", target])
            #expect(result.status == 1, "\(target): \(result.stderr)")
            #expect(result.stderr.contains("ser: error:") && result.stderr.contains(target), "\(result.stderr)")
            #expect(result.stderr.contains("regular files"))
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(lstat(toDevice, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(lstat(toFifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        // Through a link to a regular file: the file gets the figure, the link stays a link.
        let real = corpus.folder.appendingPathComponent("real.png").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        let link = corpus.folder.appendingPathComponent("link.png").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let written = try corpus.ser(["plot", "dataset", "tones", "-o", link])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(try Data(contentsOf: URL(fileURLWithPath: real)).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    /// Item 12: a database its reader cannot write (another user's `chmod 444` file in a
    /// read-only folder) is read by the read commands; a write command says why it cannot.
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs setpriv (util-linux) to run as another user"))
    func aReadOnlyDatabaseCanBeRead() throws {
        let corpus = try TestCorpus.importedTones(actors: 2)
        defer {
            chmod(corpus.folder.path, 0o755)
            corpus.remove()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: corpus.database))
        chmod(corpus.database, 0o444)
        chmod(corpus.folder.path, 0o555)
        func asNobody(_ arguments: [String]) throws -> SERProcess.Result {
            let process = SERProcess.make(
                ["--reuid=65534", "--regid=65534", "--clear-groups", SERProcess.binary.path] + arguments + ["--db", corpus.database],
                executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
            return try SERProcess.collect(process)
        }
        let probe = try asNobody(["--version"])
        try #require(probe.status == 0, "the ser binary cannot be run as nobody here: \(probe.stderr)")
        for command in [["status"], ["datasets"], ["clips", "--dataset", "tones"], ["runs"]] {
            let result = try asNobody(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let tagged = try asNobody(["import", corpus.corpus.path, "--name", "again"])
        #expect(tagged.status == 1)
        #expect(tagged.stderr.contains("read-only"), "\(tagged.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: corpus.database)) == before)
    }

    /// Item 13: output that cannot be written (a full disk) is an error with a non-zero
    /// exit, never a crash nor a silent success.
    @Test func aFullOutputIsAnErrorNotACrash() throws {
        let corpus = try TestCorpus.importedTones(actors: 2)
        defer { corpus.remove() }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let listing = SERProcess.make(["clips", "--db", corpus.database])
        listing.standardOutput = full
        let err = Pipe()
        listing.standardError = err
        try listing.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        listing.waitUntilExit()
        #expect(listing.terminationReason == .exit)
        #expect(listing.terminationStatus == 1)
        #expect(message.contains("standard output"), "\(message)")
        // Standard error full while importing with progress: the import still finishes.
        let importing = SERProcess.make(["import", corpus.corpus.path, "--name", "again", "--db", corpus.database])
        importing.standardOutput = FileHandle.nullDevice
        importing.standardError = full
        try importing.run()
        importing.waitUntilExit()
        #expect(importing.terminationReason == .exit)
        #expect(importing.terminationStatus == 0)
    }

    /// Item 14: a long flat `or` works; comparing a number with a string is an error.
    @Test func whereExpressionsAreBoundedAndTyped() throws {
        let corpus = try TestCorpus.importedTones(actors: 6)
        defer { corpus.remove() }
        let run = try corpus.ser(["run", "--epochs", "1", "--test-speakers", "6", "-q"] + Self.tiny)
        #expect(run.status == 0, "\(run.stderr)")
        let flat = (0..<90).map { "seed = \($0)" }.joined(separator: " or ")
        let many = try corpus.ser(["compare", "--where", flat, "--format", "csv"])
        #expect(many.status == 0, "\(many.stderr)")
        #expect(many.stdout.split(separator: "\n").count == 2)  // header + run 1 (seed 42 is not listed: 0…89 includes 42)
        let huge = (0..<300).map { "seed = \($0)" }.joined(separator: " or ")
        let refused = try corpus.ser(["compare", "--where", huge])
        #expect(refused.status != 0 && refused.stderr.contains("more than 256 conditions"), "\(refused.stderr)")
        #expect(refused.stderr.count < 4_000)
        let mixed = try corpus.ser(["compare", "--where", "lr < 'abc'"])
        #expect(mixed.status != 0 && mixed.stderr.contains("holds numbers"), "\(mixed.stderr)")
    }

    /// Item 15: every refused setting names the flag or key and the rule it broke.
    @Test(arguments: [
        (["--lr", "nan"], "--lr: must be a finite number"),
        (["--lr", "-1"], "--lr: must be a positive learning rate"),
        (["--epochs", "100000000"], "--epochs: must be between 1 and 100,000 (got 100000000)"),
    ])
    func badFlagsAreNamed(_ flags: [String], _ message: String) throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        let result = try corpus.ser(["run"] + flags)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("Missing value"))
    }

    @Test(arguments: [
        ("c.json", #"{"epochs": 2.5}"#, "setting 'epochs' must be a whole number (got 2.5)"),
        ("c.json", #"{"epochs": 3, "epochs": 4}"#, "'epochs' is set twice"),
        ("d.json", #"{"max_frames": 3, "maxFrames": 4}"#, "both set maxFrames"),
        ("n.toml", "lr = 0.1\n", "n.toml: is not a JSON object (TOML files are no longer read)"),
    ])
    func badConfigFilesAreNamed(_ name: String, _ text: String, _ message: String) throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        let file = corpus.folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let result = try corpus.ser(["run", "--config", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
