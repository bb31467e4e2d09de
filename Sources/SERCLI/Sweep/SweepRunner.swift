import Foundation
import SERStore
import SERCore

/// Runs a sweep's trials (in this process, or as `--jobs N` child processes writing to the
/// same database), then records mean ± std on the parent and ranks the trials.
struct SweepRunner {
    let store: Store
    let output: RunOutput
    let jobs: Int
    let commandLine: String

    /// `ser sweep --json` (docs/json/sweep.schema.json), and the table it prints.
    struct Summary: Encodable {
        var sweep: Int64
        var status: String
        /// Best first, by validation accuracy.
        var trials: [Trial]
        /// The text report (not in JSON).
        var table: String

        enum CodingKeys: String, CodingKey {
            case sweep, status, trials
        }

        struct Trial: Encodable {
            var run: Int64
            var status: String
            /// The swept settings' values in this trial.
            var settings: [String: JSONValue]
            @Nullable var valAcc: Double?
            @Nullable var testAcc: Double?
            @Nullable var testF1: Double?
        }
    }

    func run(base: RunSettings, grid: SweepGrid, trials: [RunSettings], name: String?, tags: [String]) throws -> Summary {
        // Features first, once per distinct recipe, so trials share the cache.
        let orchestrator = RunOrchestrator(store: store, output: output, commandLine: commandLine)
        var seen = Set<String>()
        for trial in trials where seen.insert("\(trial.features)@\(trial.sampleRate)×\(trial.speedPerturb)").inserted {
            _ = try DataPreparer.prepare(store: store, settings: trial, quiet: output.quiet, shouldStop: { InterruptFlag.isRaised })
        }
        let data = try DataPreparer.prepare(store: store, settings: base, quiet: true, shouldStop: { false })
        var pinned = base
        pinned.dataset = "\(data.dataset.name)@\(data.version.hash.prefix(12))"
        // What the trials ran: the shared settings, and for each swept setting the list of its
        // alternatives (never the default that no trial used).
        var hyperparameters = try pinned.flattened()
        var config = try JSONSerialization.jsonObject(with: Data(try pinned.json().utf8)) as? [String: Any] ?? [:]
        for axis in grid.axes {
            let alternatives = axis.values.map(\.json)
            hyperparameters[axis.key] = try Self.json(alternatives)
            config[axis.key] = alternatives
        }
        hyperparameters["sweep.axes"] = try Self.json(grid.axes.map { [$0.key: $0.values.map(\.json)] })
        let parent = try store.createRun(NewRun(
            name: name, kind: "sweep", datasetVersionID: data.version.id, featureConfigID: data.featureConfigID,
            split: pinned.split, seed: Int64(pinned.seed), config: try Self.json(config), commandLine: commandLine, tags: tags,
            hyperparameters: hyperparameters,
            provenance: ProvenanceCollector.collect(datasetHash: data.version.hash, featureConfigHash: data.featureConfigHash)))
        try store.markRunning(parent, pid: getpid())
        let heartbeat = Heartbeat(store: store, runID: parent)
        defer { heartbeat.stop() }
        output.note("sweep \(parent): \(trials.count) trials over \(grid.axes.map(\.key).joined(separator: ", ")), \(jobs) at a time")
        var pinnedTrials = trials
        for i in pinnedTrials.indices { pinnedTrials[i].dataset = pinned.dataset }
        var failures = 0
        output.clock.plan(epochs: try trials.reduce(0) { total, trial in
            if case .kfold(let k) = try trial.splitPlan() { return total + k * trial.epochs }
            return total + trial.epochs
        })
        if jobs == 1 {
            for (i, trial) in pinnedTrials.enumerated() where !InterruptFlag.isRaised {
                output.note("\n— trial \(i + 1)/\(trials.count) —")
                do {
                    let outcome = try orchestrator.start(trial, name: "\(name ?? "sweep \(parent)") #\(i + 1)", tags: [], note: nil,
                                                         parentID: parent, kind: "trial", reproduces: nil)
                    if outcome.status != "finished" { failures += 1 }
                } catch {
                    failures += 1
                    output.note("trial \(i + 1) failed: \(error)")
                }
            }
        } else {
            failures = try runInProcesses(pinnedTrials, parent: parent, name: name)
        }
        // A sweep reports the trial chosen on validation, with that trial's own test scores:
        // trials are alternatives, so their mean ± std would describe no model.
        try store.refreshParent(parent)
        let status = InterruptFlag.isRaised ? "interrupted" : (failures == 0 ? "finished" : "failed")
        try store.endRun(parent, status: status, error: failures > 0 ? "\(failures) trial(s) did not finish" : nil)
        return try summary(parent, status: status, grid: grid)
    }

    /// Runs trials as child `ser run` processes, at most `jobs` at once.
    private func runInProcesses(_ trials: [RunSettings], parent: Int64, name: String?) throws -> Int {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let binary = FileManager.default.isExecutableFile(atPath: executable.path)
            ? executable : URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ser-sweep-\(parent)-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var pending = Array(trials.enumerated())
        var running: [(Int, Process)] = []
        var failures = 0
        var finished = 0
        let started = Date()
        while !pending.isEmpty || !running.isEmpty {
            while running.count < jobs, !pending.isEmpty, !InterruptFlag.isRaised {
                let (i, trial) = pending.removeFirst()
                let file = folder.appendingPathComponent("trial-\(i + 1).json")
                try Data(try trial.json().utf8).write(to: file)
                let process = Process()
                process.executableURL = binary
                process.arguments = ["run", "--db", store.path, "--config", file.path, "--parent", String(parent), "--kind", "trial",
                                     "--name", "\(name ?? "sweep \(parent)") #\(i + 1)", "--quiet"]
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                output.note("trial \(i + 1)/\(trials.count) started (pid \(process.processIdentifier))")
                running.append((i, process))
            }
            if InterruptFlag.isRaised { pending.removeAll() }
            Thread.sleep(forTimeInterval: 0.1)
            running.removeAll { i, process in
                guard !process.isRunning else { return false }
                if process.terminationStatus != 0 { failures += 1 }
                finished += 1
                // Wall-clock pace over the finished trials, so parallel jobs are accounted for.
                let elapsed = Date().timeIntervalSince(started)
                let left = trials.count - finished
                let eta = left > 0 ? ", ~\(Format.duration(elapsed / Double(finished) * Double(left))) left" : ""
                output.note(
                    "trial \(i + 1)/\(trials.count) \(process.terminationStatus == 0 ? "finished" : "failed (exit \(process.terminationStatus))")"
                        + " (\(finished) of \(trials.count) done, \(Format.duration(elapsed))\(eta))")
                return true
            }
        }
        return failures
    }

    /// The ranked trials.
    private func summary(_ parent: Int64, status: String, grid: SweepGrid) throws -> Summary {
        let children = try Self.ranked(try store.childRuns(of: parent), store: store, parent: parent)
        var trials: [Summary.Trial] = []
        var table = TextTable(["run", "status"] + grid.axes.map(\.key) + ["val acc", "test acc", "test F1"],
                              rightAligned: Set([0] + Array((2 + grid.axes.count)..<(5 + grid.axes.count))))
        for (child, validation) in children {
            var config: [String: JSONValue] = [:]
            if let text = try store.runHeader(child.id)?.config, case .object(let object) = JSONValue(parsingOrKeeping: text) {
                config = object
            }
            var settings: [String: JSONValue] = [:]
            for axis in grid.axes { settings[axis.key] = config[axis.key] ?? .null }
            trials.append(.init(run: child.id, status: child.status, settings: settings, valAcc: validation, testAcc: child.testAcc, testF1: child.testF1))
            table.add([String(child.id), child.status] + grid.axes.map { settings[$0.key].map(Self.text) ?? "?" }
                + [SER.Runs.number(validation), SER.Runs.number(child.testAcc), SER.Runs.number(child.testF1)])
        }
        let header = "\nsweep \(parent) \(status): \(children.count) trials, ranked by validation accuracy (best first)\n"
        return Summary(sweep: parent, status: status, trials: trials, table: header + table.render())
    }

    /// The trials in the store's ranking (``Store/rankedChildren(_:)``, the rule the sweep
    /// chooses by), with their validation accuracy.
    static func ranked(_ children: [RunSummaryRow], store: Store, parent: Int64) throws -> [(run: RunSummaryRow, validation: Double?)] {
        let byID = Dictionary(uniqueKeysWithValues: children.map { ($0.id, $0) })
        return try store.rankedChildren(parent).compactMap { ranked in byID[ranked.id].map { (run: $0, validation: ranked.validation) } }
    }

    /// A setting's value in the table: lists comma-separated (`128,64`), `?` for none.
    private static func text(_ value: JSONValue) -> String {
        if case .array(let items) = value { return items.map { $0.text ?? "null" }.joined(separator: ",") }
        return value.text ?? "?"
    }

    private static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }
}
