public import SERStore

/// Runs to put on a remote's queue, and the sweep they aggregate into: what
/// ``Remote/enqueue(_:from:)`` writes. The front end fills it from the workbench's resolved
/// plan; nothing here is checked beyond the schema's constraints (a worker refuses bad
/// settings and marks the trial failed).
public struct QueueSubmission: Sendable {
    /// A sweep: its parent run's UUID and record.
    public struct Group: Sendable {
        public var uuid: String
        public var parent: QueuedParentSpec

        public init(uuid: String, parent: QueuedParentSpec) {
            self.uuid = uuid
            self.parent = parent
        }
    }

    /// One run to train, with the UUID its run will get.
    public struct Trial: Sendable {
        public var uuid: String
        public var run: QueuedRunSpec

        public init(uuid: String, run: QueuedRunSpec) {
            self.uuid = uuid
            self.run = run
        }
    }

    /// The dataset version every trial trains on; pushed with its clip metadata when missing.
    public var datasetVersionHash: String
    public var group: Group?
    public var trials: [Trial]
    public var commandLine: String
    /// Claims of a trial whose worker stops heartbeating before it is marked failed.
    public var maxAttempts: Int

    public init(datasetVersionHash: String, group: Group?, trials: [Trial], commandLine: String, maxAttempts: Int = 3) {
        self.datasetVersionHash = datasetVersionHash
        self.group = group
        self.trials = trials
        self.commandLine = commandLine
        self.maxAttempts = maxAttempts
    }
}
