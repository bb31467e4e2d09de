import ArgumentParser
import Foundation
import SERRemote
import SERWorker

extension SER {
    /// `ser worker [NAME] [--jobs N]`: trains trials from a remote's queue.
    struct WorkerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "worker",
            abstract: "Train trials from a team remote's queue (ser sweep --queue, ser run --queue) and record them there.",
            discussion: """
                NAME is a remote from ser remote (default: origin, or the only remote). The worker \
                claims trials one at a time (--jobs N: N worker processes), trains each in this database with the normal \
                crash-safe loop, heartbeats while it trains, and records the run on the remote \
                together with the trial's end. A trial whose worker stops heartbeating for \
                --stale-after seconds is taken over by another worker (at most 3 claims); a trial \
                that fails for a real reason (bad settings) is marked failed and not retried. A \
                dataset version this database lacks is fetched as clip metadata; features are \
                computed here from the clips' audio, which must be readable at the recorded paths. \
                Ctrl-C gives the trial in hand back to the queue.

                Examples:
                  ser worker                      # wait for trials on origin
                  ser worker lab --jobs 2 --until-empty
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The remote (default: origin, or the only remote).") var remote: String?
        @Option(help: ArgumentHelp("Trials to train at once (as that many worker processes over this database).", valueName: "n"))
        var jobs = 1
        @Flag(help: "Stop once no trial is queued or running.") var untilEmpty = false
        @Option(help: ArgumentHelp("Seconds without a heartbeat after which a trial is taken over.", valueName: "seconds"))
        var staleAfter: Double = 120
        @Option(help: ArgumentHelp("Seconds between looks at an empty queue.", valueName: "seconds")) var poll: Double = 5
        @Option(
            help: ArgumentHelp("This worker's name on the remote (default: host:pid; with --jobs, NAME/1 … NAME/N).", valueName: "name"))
        var name: String?

        func validate() throws {
            if jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64") }
            if !(staleAfter >= 1) { throw ValidationError("--stale-after must be at least 1 second") }
            if !(poll > 0) { throw ValidationError("--poll must be more than 0 seconds") }
        }

        func run() throws {
            try RemoteSelection.refuseJSON(options, command: "worker")
            let store = try options.openStore()
            let record = try RemoteSelection.record(remote, in: store)
            let base = name ?? "\(ProcessInfo.processInfo.hostName):\(getpid())"
            if jobs > 1 { return try runJobs(base: base, remote: record.name, database: store.path) }
            let workbench = try options.workbench(store: store, observer: RunOutput(quiet: options.quiet, toStandardError: true))
            let worker = Worker(
                workbench: workbench,
                options: WorkerOptions(name: base, staleAfter: staleAfter, pollInterval: poll, untilEmpty: untilEmpty),
                connect: try RemoteSelection.connector(record))
            let summary = try BlockingTask.run { try await worker.run() }
            if !options.quiet {
                Console.out(
                    "Worker \(base) stopped: \(summary.finished) finished, \(summary.failed) failed, \(summary.lost) taken over, "
                        + "\(summary.sweeps) sweep\(summary.sweeps == 1 ? "" : "s") recorded\n")
            }
            if let status = InterruptFlag.exitStatus { throw ExitCode(status) }
        }

        /// `--jobs N`: N worker processes (`NAME/1` … `NAME/N`) over this database, each training
        /// one trial at a time (OpenBLAS's thread count is per process, so jobs in one process
        /// would change each other's bits). A signal to this process is passed on to them.
        private func runJobs(base: String, remote: String, database: String) throws {
            InterruptFlag.install()
            var children: [Process] = []
            for job in 1...jobs {
                let child = Process()
                child.executableURL = SER.Sweep.executable()
                child.arguments =
                    [
                        "worker", remote, "--db", database, "--stale-after", "\(staleAfter)", "--poll", "\(poll)", "--name",
                        "\(base)/\(job)",
                    ] + (untilEmpty ? ["--until-empty"] : []) + (options.quiet ? ["--quiet"] : [])
                try child.run()
                children.append(child)
            }
            var forwarded = false
            while children.contains(where: \.isRunning) {
                if InterruptFlag.isRaised && !forwarded {
                    forwarded = true
                    for child in children where child.isRunning { kill(child.processIdentifier, SIGINT) }
                }
                Thread.sleep(forTimeInterval: 0.2)
            }
            if let status = InterruptFlag.exitStatus { throw ExitCode(status) }
            if children.contains(where: { $0.terminationStatus != 0 }) { throw ExitCode.failure }
        }
    }
}
