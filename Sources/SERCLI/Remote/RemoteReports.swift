import SERCore
import SERRemote
import SERStore

/// `ser remote --json`: the remotes this database knows (URLs never hold a password).
struct RemotesReport: Encodable {
    struct Remote: Encodable {
        var name: String
        var url: String
        var createdAt: String
    }
    var remotes: [Remote]

    init(_ records: [RemoteRecord]) {
        remotes = records.map { Remote(name: $0.name, url: $0.url, createdAt: $0.createdAt) }
    }
}

/// `ser push --json`: what the push did, run by run (UUIDs).
struct PushJSON: Encodable {
    struct Skipped: Encodable {
        var uuid: String
        var run: Int64
        var reason: String
    }
    var remote: String
    var pushed: [String]
    var alreadyThere: [String]
    var skipped: [Skipped]
    var tensors: Int

    init(remote: String, _ report: PushReport) {
        self.remote = remote
        pushed = report.pushed
        alreadyThere = report.alreadyThere
        skipped = report.skipped.map { Skipped(uuid: $0.uuid, run: $0.runID, reason: $0.reason) }
        tensors = report.tensors
    }
}

/// `ser pull --json`: the runs copied in (UUIDs) and what came with them.
struct PullJSON: Encodable {
    var remote: String
    var pulled: [String]
    var alreadyHere: Int
    var datasetVersions: [String]
    var tensors: Int

    init(remote: String, _ report: PullReport) {
        self.remote = remote
        pulled = report.pulled
        alreadyHere = report.alreadyHere
        datasetVersions = report.datasetVersions
        tensors = report.tensors
    }
}

/// `ser queue --json`: trials, groups (sweeps and `--seeds`) and workers, every key present.
struct QueueJSON: Encodable {
    struct Trial: Encodable {
        var id: Int64
        var uuid: String
        @Nullable var group: String?
        @Nullable var name: String?
        var state: String
        var attempts: Int
        @Nullable var worker: String?
        /// Seconds since the last heartbeat of a running trial.
        @Nullable var heartbeatAgeSeconds: Double?
        @Nullable var error: String?
    }
    struct Group: Encodable {
        var uuid: String
        @Nullable var name: String?
        var state: String
        var trials: Int
        var ended: Int
    }
    struct Worker: Encodable {
        var name: String
        var host: String
        var pid: Int64
        var jobs: Int
        var heartbeatAgeSeconds: Double
        var stopped: Bool
        var finished: Int
        var failed: Int
    }
    var remote: String
    /// Trials per state, every state present.
    var counts: [String: Int]
    var trials: [Trial]
    var groups: [Group]
    var workers: [Worker]

    init(remote: String, _ status: QueueStatus) {
        self.remote = remote
        var counts = ["queued": 0, "running": 0, "finished": 0, "failed": 0]
        for (state, n) in status.counts { counts[state] = n }
        self.counts = counts
        trials = status.trials.map {
            Trial(
                id: $0.id, uuid: $0.uuid, group: $0.sweep, name: $0.name, state: $0.state, attempts: $0.attempts, worker: $0.worker,
                heartbeatAgeSeconds: $0.heartbeatAge, error: $0.error)
        }
        groups = status.sweeps.map { Group(uuid: $0.uuid, name: $0.name, state: $0.state, trials: $0.trials, ended: $0.ended) }
        workers = status.workers.map {
            Worker(
                name: $0.name, host: $0.host, pid: $0.pid, jobs: $0.jobs, heartbeatAgeSeconds: $0.heartbeatAge, stopped: $0.stopped,
                finished: $0.finished, failed: $0.failed)
        }
    }
}
