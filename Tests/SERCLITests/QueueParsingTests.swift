import Testing
@testable import SERCLI

/// `--queue`, `ser worker` and `ser queue` as typed: what is accepted and what is refused
/// before anything connects.
struct QueueParsingTests {
    @Test func queueingIsOfferedForNewRunsAndSweeps() throws {
        let run = try #require(try SER.parseAsRoot(["run", "--queue", "origin", "--split", "kfold:3"]) as? SER.Run)
        #expect(run.queueing.queue == "origin" && run.queueing.queueFeatures == .compute)
        let seeds = try #require(try SER.parseAsRoot(["run", "--queue", "origin", "--seeds", "1,2,3"]) as? SER.Run)
        #expect(seeds.queueing.queue == "origin" && seeds.seeds == "1,2,3")
        let sweep = try #require(
            try SER.parseAsRoot(["sweep", "--lr", "1e-3,3e-4", "--queue", "lab", "--queue-features", "cached"]) as? SER.Sweep)
        #expect(sweep.queueing.queue == "lab" && sweep.queueing.queueFeatures == .cached)
    }

    @Test func queueingRefusesWhatOnlyMakesSenseHere() {
        #expect { _ = try SER.parseAsRoot(["sweep", "--lr", "1e-3,3e-4", "--queue", "o", "--jobs", "2"]) } throws: {
            SER.message(for: $0).contains("ser worker --jobs")
        }
        #expect { _ = try SER.parseAsRoot(["run", "--queue", "o", "--resume", "last"]) } throws: {
            SER.message(for: $0).contains("--queue")
        }
        #expect { _ = try SER.parseAsRoot(["run", "--queue-features", "none"]) } throws: {
            SER.message(for: $0).contains("--queue-features goes with --queue")
        }
        #expect { _ = try SER.parseAsRoot(["run", "--queue", "o", "--queue-features", "all"]) } throws: {
            SER.message(for: $0).contains("--queue-features")
        }
    }

    @Test func workerOptionsAreChecked() throws {
        let worker = try #require(
            try SER.parseAsRoot(["worker", "lab", "--jobs", "2", "--until-empty", "--stale-after", "30"]) as? SER.WorkerCommand)
        #expect(worker.remote == "lab" && worker.jobs == 2 && worker.untilEmpty && worker.staleAfter == 30)
        #expect { _ = try SER.parseAsRoot(["worker", "--jobs", "0"]) } throws: { SER.message(for: $0).contains("--jobs") }
        #expect { _ = try SER.parseAsRoot(["worker", "--stale-after", "0.5"]) } throws: { SER.message(for: $0).contains("--stale-after") }
        #expect(try SER.parseAsRoot(["queue", "lab"]) is SER.QueueCommand)
    }
}
