/// Trials to put on a remote's queue, and the parent they aggregate into: what
/// ``Remote/enqueue(_:from:)`` writes. The front end fills it from the workbench's resolved
/// plan; nothing here is checked beyond the schema's constraints (a worker refuses bad
/// settings and marks the trial failed).
public struct QueueSubmission: Sendable {
    /// The parent run of a sweep, recorded by the worker that sees its last trial end.
    public struct Group: Sendable {
        public var uuid: String
        /// `sweep`.
        public var kind: String
        public var name: String?
        /// `runs.config` of the parent (JSON object text).
        public var config: String
        /// `hyperparameters` rows of the parent: name → JSON value text.
        public var hyperparameters: [String: String]
        public var split: String
        public var seed: Int64
        public var tags: [String]
        public var featureConfigHash: String

        public init(
            uuid: String, kind: String, name: String?, config: String, hyperparameters: [String: String], split: String, seed: Int64,
            tags: [String], featureConfigHash: String
        ) {
            self.uuid = uuid
            self.kind = kind
            self.name = name
            self.config = config
            self.hyperparameters = hyperparameters
            self.split = split
            self.seed = seed
            self.tags = tags
            self.featureConfigHash = featureConfigHash
        }
    }

    /// One run to train.
    public struct Trial: Sendable {
        /// The UUID the trained run gets.
        public var uuid: String
        public var name: String?
        /// `train` or `trial`.
        public var kind: String
        /// The run's full resolved settings (JSON object text).
        public var settings: String
        public var featureConfigHash: String
        public var tags: [String]
        public var note: String?

        public init(uuid: String, name: String?, kind: String, settings: String, featureConfigHash: String, tags: [String], note: String?) {
            self.uuid = uuid
            self.name = name
            self.kind = kind
            self.settings = settings
            self.featureConfigHash = featureConfigHash
            self.tags = tags
            self.note = note
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
