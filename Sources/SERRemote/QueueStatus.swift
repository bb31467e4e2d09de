/// What `ser queue` shows: the trials, sweeps and workers of a remote's queue.
public struct QueueStatus: Sendable, Codable {
    public struct Trial: Sendable, Codable {
        public var id: Int64
        public var uuid: String
        public var sweep: String?
        public var name: String?
        /// `queued`, `running`, `finished` or `failed`.
        public var state: String
        public var attempts: Int
        public var worker: String?
        /// Seconds since the last heartbeat of a running trial.
        public var heartbeatAge: Double?
        public var error: String?
    }

    public struct Sweep: Sendable, Codable {
        public var uuid: String
        public var name: String?
        /// `open` (trials still to end) or `finished` (its parent run is on the remote).
        public var state: String
        public var trials: Int
        public var ended: Int
    }

    public struct Worker: Sendable, Codable {
        public var name: String
        public var host: String
        public var pid: Int64
        public var jobs: Int
        /// Seconds since its last heartbeat.
        public var heartbeatAge: Double
        /// Whether it said it stopped.
        public var stopped: Bool
        public var finished: Int
        public var failed: Int
    }

    public var trials: [Trial]
    public var sweeps: [Sweep]
    public var workers: [Worker]

    /// Trials per state.
    public var counts: [String: Int] { trials.reduce(into: [:]) { $0[$1.state, default: 0] += 1 } }
}
