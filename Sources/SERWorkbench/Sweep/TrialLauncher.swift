public import Foundation
import SERStore
import SERCore

/// One trial of a sweep, resolved and pinned to the sweep's dataset version.
public struct SweepTrial: Sendable {
    /// 0-based position in the sweep.
    public var index: Int
    public var settings: RunSettings
    /// The run name the trial gets (`sweep 12 #3`).
    public var name: String
}

/// How a sweep's trials are trained: in this process one after another, or as separate
/// processes at once. A launcher trains each trial as a `trial` child of `sweep` and says how
/// many did not finish.
public protocol TrialLauncher: Sendable {
    func train(_ trials: [SweepTrial], sweep: Int64, workbench: Workbench) throws -> Int
}

/// Trains trials one after another in this process, sharing the workbench's observer and
/// cancellation token.
public struct InProcessTrialLauncher: TrialLauncher {
    public init() {}

    public func train(_ trials: [SweepTrial], sweep: Int64, workbench: Workbench) throws -> Int {
        var failures = 0
        let orchestrator = RunOrchestrator(workbench: workbench)
        for trial in trials where !workbench.cancellation.isCancelled {
            workbench.observer.handle(.trial(sweep: sweep, index: trial.index, count: trials.count))
            do {
                let outcome = try orchestrator.start(trial.settings, TrainingRequest(name: trial.name, parent: sweep, kind: .trial))
                if outcome.status != .finished { failures += 1 }
            } catch {
                failures += 1
                workbench.observer.handle(.message("trial \(trial.index + 1) failed: \(error)"))
            }
        }
        return failures
    }
}

/// Trains up to `jobs` trials at once, each in its own process of `executable` — a program
/// that takes `ser`'s command line (`run --db PATH --config FILE --parent ID --kind trial
/// --name NAME --quiet`) and writes to the same database.
public struct ProcessTrialLauncher: TrialLauncher {
    public var executable: URL
    public var jobs: Int

    public init(executable: URL, jobs: Int) {
        self.executable = executable
        self.jobs = max(1, jobs)
    }

    public func train(_ trials: [SweepTrial], sweep: Int64, workbench: Workbench) throws -> Int {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ser-sweep-\(sweep)-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var pending = trials
        var running: [(SweepTrial, Process)] = []
        var failures = 0
        var finished = 0
        let started = Date()
        while !pending.isEmpty || !running.isEmpty {
            while running.count < jobs, !pending.isEmpty, !workbench.cancellation.isCancelled {
                let trial = pending.removeFirst()
                let file = folder.appendingPathComponent("trial-\(trial.index + 1).json")
                try Data(try trial.settings.json().utf8).write(to: file)
                let process = Process()
                process.executableURL = executable
                process.arguments = [
                    "run", "--db", workbench.store.path, "--config", file.path, "--parent", String(sweep), "--kind", "trial",
                    "--name", trial.name, "--quiet",
                ]
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                workbench.observer.handle(.message("trial \(trial.index + 1)/\(trials.count) started (pid \(process.processIdentifier))"))
                running.append((trial, process))
            }
            if workbench.cancellation.isCancelled { pending.removeAll() }
            Thread.sleep(forTimeInterval: 0.1)
            running.removeAll { trial, process in
                guard !process.isRunning else { return false }
                if process.terminationStatus != 0 { failures += 1 }
                finished += 1
                // Wall-clock pace over the finished trials, so parallel jobs are accounted for.
                let elapsed = Date().timeIntervalSince(started)
                let left = trials.count - finished
                let eta = left > 0 ? ", ~\(Format.duration(elapsed / Double(finished) * Double(left))) left" : ""
                workbench.observer.handle(
                    .message(
                        "trial \(trial.index + 1)/\(trials.count) \(process.terminationStatus == 0 ? "finished" : "failed (exit \(process.terminationStatus))")"
                            + " (\(finished) of \(trials.count) done, \(Format.duration(elapsed))\(eta))"))
                return true
            }
        }
        return failures
    }

}
