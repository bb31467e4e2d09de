/// How a queue worker behaves.
public struct WorkerOptions: Sendable {
    /// The worker's name on the remote (`host:pid` by default), unique among live workers.
    public var name: String
    /// Seconds without a heartbeat after which another worker may take a running trial over.
    /// Heartbeats are sent six times as often.
    public var staleAfter: Double
    /// Seconds between looks at an empty queue.
    public var pollInterval: Double
    /// Stop once no trial is queued or running (instead of waiting for more).
    public var untilEmpty: Bool
    /// Seconds to keep reconnecting to a server that went away before giving up.
    public var reconnectFor: Double

    public init(
        name: String, staleAfter: Double = 120, pollInterval: Double = 5, untilEmpty: Bool = false, reconnectFor: Double = 300
    ) {
        self.name = name
        self.staleAfter = staleAfter
        self.pollInterval = pollInterval
        self.untilEmpty = untilEmpty
        self.reconnectFor = reconnectFor
    }

    /// Seconds between heartbeats.
    public var heartbeatInterval: Double { max(0.2, staleAfter / 6) }
}

/// What a worker did before it stopped.
public struct WorkerSummary: Sendable, Equatable {
    /// Trials whose runs finished and are on the remote.
    public var finished = 0
    /// Trials marked failed (bad settings, a run that failed).
    public var failed = 0
    /// Trials another worker took over while this one trained them (their result dropped).
    public var lost = 0
    /// Sweep parents this worker recorded.
    public var sweeps = 0

    public init() {}
}
