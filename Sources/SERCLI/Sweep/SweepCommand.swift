import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERStore

extension SER {
    /// `ser sweep`: a grid or random search, each trial a child run of one parent.
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search hyperparameters: every combination (or --random N of them), each trial a run under one parent.",
            discussion: """
                Give alternatives comma-separated (--lr 1e-3,3e-4 --dropout 0.2,0.4); for layer lists \
                separate alternatives with ':' (--layers 128,64:256,128). Other settings come from \
                --config, else --recipe, else the defaults of ser run (as for ser run). Trials are \
                ranked by validation accuracy: choose on validation, report on test. --jobs N runs \
                N trials at once in separate processes sharing the database. Every setting of ser run takes alternatives (data, \
                split, threads and recipe take one value, fixed for the whole sweep):

                \(RunOptions.help)

                Examples:
                  ser sweep --lr 1e-3,3e-4 --dropout 0.2,0.4 --jobs 2
                  ser sweep --layers 128,64:256,128 --random 4 --set epochs=20
                  ser sweep --lr 1e-3,3e-4 --split kfold:6
                  ser sweep --lr 1e-3,3e-4 --queue origin   # for ser worker on any machine
                """)

        @OptionGroup var options: GlobalOptions

        @OptionGroup var settings: RunOptions
        @Option(help: ArgumentHelp("Any setting: KEY=ALTERNATIVES (repeatable).", valueName: "key=values"))
        var set: [String] = []

        @Option(help: ArgumentHelp("Run only N combinations, drawn with the seed.", valueName: "n")) var random: Int?
        @Option(help: ArgumentHelp("Trials to run at once (separate processes).", valueName: "n")) var jobs = 1
        @Option(help: ArgumentHelp("A name for the sweep.", valueName: "name")) var name: String?
        @Option(name: .customLong("tag"), help: ArgumentHelp("A tag for the sweep (repeatable).", valueName: "tag")) var tags: [String] = []
        @OptionGroup var queueing: QueueOptions

        func validate() throws {
            if jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64") }
            if let random, random < 1 { throw ValidationError("--random must be at least 1") }
            if queueing.queue != nil && jobs > 1 {
                throw ValidationError("--jobs runs trials here; with --queue, start workers (ser worker --jobs N)")
            }
            for item in set where !item.contains("=") {
                throw ValidationError("--set expects KEY=ALTERNATIVES (got '\(item)')")
            }
        }

        /// The settings given: fixed ones (data, split, threads, recipe) and, for every other
        /// setting, its alternatives, in flag order (`--set KEY=ALTERNATIVES` last). `runs`
        /// resolves a run named by a setting that takes one (`--teacher NAME`).
        func parts(runs: @escaping (String) throws -> Int64) throws -> (fixed: [String: JSONValue], axes: [(key: String, text: String)]) {
            var fixed: [String: JSONValue] = [:]
            var axes: [(key: String, text: String)] = []
            var given = try settings.given()
            for item in set {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                let named = try ConfigFile.canonicalKeys([parts[0]: parts.count > 1 ? parts[1] : ""], path: "--set")
                for (key, value) in named { given.append((key, value as? String ?? "")) }
            }
            for (key, text) in given {
                guard let setting = RunSettings.byKey[key] else { continue }
                if setting.sweepable {
                    axes.append((key, text))
                } else {
                    fixed[key] = try RunOptions.value(text, of: setting, runs: runs)
                }
            }
            return (fixed, axes)
        }

        func run() throws {
            let output = RunOutput(quiet: options.quiet, toStandardError: options.json)
            // Opened when a setting names a run, else after the flags are read: a bad flag is
            // reported as such, not as a missing database.
            var opened: Workbench?
            let open = {
                let workbench = try opened ?? options.workbench(observer: output)
                opened = workbench
                return workbench
            }
            let (fixed, raw) = try parts(runs: { try open().store.resolveRun($0) })
            let base = try RunSettings.resolved(config: settings.config, given: fixed)
            var seen: [String: Int] = [:]
            var axes: [(key: String, text: String)] = []
            for axis in raw {
                if let i = seen[axis.key] { axes[i] = axis } else { seen[axis.key] = axes.count; axes.append(axis) }
            }
            let grid = try SweepGrid.parse(axes.sorted { $0.key < $1.key })
            guard grid.size > 0, !grid.axes.isEmpty else {
                throw ValidationError("give at least one setting with alternatives, e.g. --lr 1e-3,3e-4")
            }
            let workbench = try open()
            if let queue = queueing.queue {
                try RemoteSelection.refuseJSON(options, command: "sweep --queue")
                let plan = try workbench.planSweep(base, grid: grid, random: random, name: name, tags: tags)
                try QueueSubmit.submit(plan, remote: queue, features: queueing.queueFeatures, workbench: workbench, quiet: options.quiet)
                return
            }
            let launcher: any TrialLauncher =
                jobs > 1 ? ProcessTrialLauncher(executable: Self.executable(), jobs: jobs) : InProcessTrialLauncher()
            let outcome = try workbench.sweep(base, grid: grid, random: random, name: name, tags: tags, launcher: launcher)
            let summary = SweepSummary(outcome)
            if options.json {
                try printJSON(summary)
            } else if !options.quiet {
                print(summary.table)
            }
            if outcome.status != .finished { throw ExitCode.failure }
        }

        /// This program's executable, for trial processes.
        static func executable() -> URL {
            let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            return FileManager.default.isExecutableFile(atPath: executable.path)
                ? executable : URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
    }
}
