import Foundation
import SERCore
public import SERRemote
import SERStore
public import SERWorkbench

/// `ser worker`: claims trials from a remote's queue, trains each with the workbench's normal
/// crash-safe loop in the local database, heartbeats while it trains, and records each run on
/// the remote together with the trial's end; records a sweep's parent once its trials are in.
///
/// One trial at a time: several workers are several processes (`ser worker --jobs N`), because
/// OpenBLAS's thread count is global to a process, and a feature computation or a parallel
/// training in one job would change the summation order, and so the bits, of another's.
///
/// The dataset version a trial names is fetched from the remote as clip metadata when the
/// local database lacks it, and so are the feature tensors the remote holds for it under the
/// trial's recipe (`ser run/sweep --queue` uploads them); tensors still missing are computed
/// here from the clips' audio files, which must then be readable at the paths the remote
/// records.
public struct Worker: Sendable {
    public let workbench: Workbench
    public let options: WorkerOptions
    let connect: @Sendable () async throws -> Remote
    /// - Parameters:
    ///   - workbench: the local database trials are trained in; its observer receives the
    ///     worker's messages and the runs' epochs, its token stops the worker.
    ///   - connect: opens a connection to the remote (called again after a server restart).
    public init(workbench: Workbench, options: WorkerOptions, connect: @escaping @Sendable () async throws -> Remote) {
        self.workbench = workbench
        self.options = options
        self.connect = connect
    }

    /// Works until cancelled (or, with ``WorkerOptions/untilEmpty``, until the queue is empty).
    /// - Throws: ``RemoteError`` when the remote stays unreachable longer than
    ///   ``WorkerOptions/reconnectFor``.
    public func run() async throws -> WorkerSummary {
        let link = RemoteLink(connect: connect)
        defer { Task { await link.close() } }
        try await link.retrying(for: options.reconnectFor) { remote in
            try await remote.registerWorker(
                name: options.name, host: ProcessInfo.processInfo.hostName, pid: getpid(), jobs: 1)
        }
        note("worker \(options.name): heartbeat every \(Format.duration(options.heartbeatInterval))")
        let summary = try await work()
        try? await link.use { try await $0.stopWorker(name: options.name) }
        return summary
    }

    /// Claims, trains and records, until told to stop.
    private func work() async throws -> WorkerSummary {
        let link = RemoteLink(connect: connect)
        let beat = RemoteLink(connect: connect)
        // Connections are closed on every way out: one dropped open is a fatal error in
        // postgres-nio, which would turn an error of the worker into a crash.
        do {
            let summary = try await work(link: link, beat: beat)
            await link.close()
            await beat.close()
            return summary
        } catch {
            await link.close()
            await beat.close()
            throw error
        }
    }

    private func work(link: RemoteLink, beat: RemoteLink) async throws -> WorkerSummary {
        var summary = WorkerSummary()
        while !workbench.cancellation.isCancelled {
            let claimed = try await link.retrying(for: options.reconnectFor) { remote in
                try await remote.claim(worker: options.name, staleAfter: options.staleAfter)
            }
            guard let trial = claimed else {
                if try await recordSweeps(link) > 0 { summary.sweeps += 1; continue }
                if options.untilEmpty, try await link.retrying(for: options.reconnectFor, { try await $0.queueIsDrained() }) { break }
                try? await link.use { try await $0.heartbeat(worker: options.name) }
                await pause(options.pollInterval)
                continue
            }
            note("trial \(trial.id) \(trial.run.name.map { "(\($0)) " } ?? "")claimed, attempt \(trial.attempt)")
            switch try await train(trial, link: link, beat: beat) {
            case .finished: summary.finished += 1
            case .failed: summary.failed += 1
            case .lost: summary.lost += 1
            case .released: break
            }
            summary.sweeps += try await recordSweeps(link)
        }
        return summary
    }

    private enum TrialEnd { case finished, failed, lost, released }

    /// Trains one claimed trial and records its end on the remote.
    private func train(_ trial: QueuedTrial, link: RemoteLink, beat: RemoteLink) async throws -> TrialEnd {
        let token = CancellationToken(polling: { [outer = workbench.cancellation] in outer.isCancelled })
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(options.heartbeatInterval))
                if Task.isCancelled { break }
                let alive = try? await beat.use { remote in
                    try await remote.heartbeat(worker: options.name)
                    return try await remote.heartbeat(trial)
                }
                if alive == false {
                    token.cancel()
                    break
                }
            }
        }
        defer { heartbeat.cancel() }
        let result: (run: Int64, status: RunStatus)
        do {
            try await fetchDataset(trial, link: link)
            var local = workbench
            local.cancellation = token
            local.invocation = Invocation(commandLine: trial.commandLine)
            // The enqueuer verified the sources when it computed the uploaded tensors.
            local.sourceVerification = .whenComputing
            result = try await Self.onThread { [self, local] in try trainLocally(trial, workbench: local) }
        } catch {
            heartbeat.cancel()
            if workbench.cancellation.isCancelled {
                try? await link.use { try await $0.release(trial) }
                return .released
            }
            let reason = "\(error)"
            note("trial \(trial.id) failed: \(reason)")
            let held = try await link.retrying(for: options.reconnectFor) { try await $0.fail(trial, error: reason) }
            return held ? .failed : .lost
        }
        heartbeat.cancel()
        if result.status == .interrupted || result.status == .running {
            if workbench.cancellation.isCancelled {
                try? await link.use { try await $0.release(trial) }
                note("trial \(trial.id) given back to the queue (run \(result.run) interrupted here)")
                return .released
            }
            note("trial \(trial.id) was taken over by another worker; run \(result.run) stays here only")
            return .lost
        }
        let held = try await link.retrying(for: options.reconnectFor) { remote in
            try await remote.finish(trial, run: result.run, from: workbench.store)
        }
        guard held else {
            note("trial \(trial.id) was taken over by another worker; run \(result.run) stays here only")
            return .lost
        }
        note("trial \(trial.id) \(result.status.rawValue): run \(result.run) recorded on the remote")
        return result.status == .finished ? .finished : .failed
    }

    /// Trains the trial in the local database, or resumes the run this database already has
    /// for it (a worker restarted after a crash), or returns that run when it ended.
    private func trainLocally(_ trial: QueuedTrial, workbench local: Workbench) throws -> (run: Int64, status: RunStatus) {
        let store = local.store
        if let existing = try store.localID(.run, key: trial.uuid), let header = try store.runHeader(existing) {
            if header.status == .finished || header.status == .failed { return (existing, header.status) }
            let outcome = try local.resume(run: existing)
            return (outcome.run, outcome.status)
        }
        let settings = try RunSettings.decoded(trial.run.settings, of: "trial \(trial.id)")
        try settings.validate()
        let request = TrainingRequest(
            name: trial.run.name, tags: trial.run.tags, note: trial.run.note, kind: trial.run.kind, uuid: trial.uuid)
        let outcome = try local.train(settings, request)
        return (outcome.run, outcome.status)
    }

    /// Copies the trial's dataset version (clip metadata) and the feature tensors of its
    /// recipe from the remote when the local database lacks them.
    private func fetchDataset(_ trial: QueuedTrial, link: RemoteLink) async throws {
        let store = workbench.store
        if try !store.holds(.datasetVersion, key: trial.datasetVersionHash) {
            let tables = try await link.retrying(for: options.reconnectFor) { remote in
                try await remote.fetch(.datasetVersion, key: trial.datasetVersionHash)
            }
            try store.importTables(tables)
            note("dataset version \(trial.datasetVersionHash.prefix(12)) fetched from the remote")
        }
        let settings = try RunSettings.decoded(trial.run.settings, of: "trial \(trial.id)")
        for recipe in try FeatureSpec.recipes(of: settings) {
            let key = ExchangeScope.featureSetKey(version: trial.datasetVersionHash, recipe: recipe.hash)
            guard try !store.holds(.featureSet, key: key) else { continue }
            let copied = try await link.retrying(for: options.reconnectFor) { remote in try await remote.fetchFeatures(key, into: store) }
            if copied > 0 { note("feature tensors of \(copied) clips (\(FeatureComputer.name(of: recipe))) fetched from the remote") }
        }
    }

    /// Records the parents of the sweeps whose trials have all ended; how many.
    private func recordSweeps(_ link: RemoteLink) async throws -> Int {
        var recorded = 0
        while let uuid = try await link.retrying(
            for: options.reconnectFor,
            { remote in
                try await remote.recordReadySweep { group, dependencies, trials in
                    try QueueGroupRecorder.record(group, dependencies: dependencies, trials: trials)
                }
            })
        {
            note("group \(uuid.prefix(8)): every run ended; the sweep parent or seeds ensemble it makes is recorded on the remote")
            recorded += 1
        }
        return recorded
    }

    private func note(_ text: String) {
        workbench.observer.handle(.message(text))
    }

    /// Sleeps `seconds`, waking early when the worker is stopped.
    private func pause(_ seconds: Double) async {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end, !workbench.cancellation.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Runs CPU-bound synchronous work on its own thread, so the concurrency pool stays free
    /// for heartbeats.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}
