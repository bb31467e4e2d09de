public import SERStore

/// Work resolved for a team queue instead of trained here: every trial's full resolved
/// settings pinned to one dataset version, and the parent the trials aggregate into (a sweep),
/// as ``Workbench/planSweep(_:grid:random:name:tags:)`` and ``Workbench/planRun(_:_:)`` make
/// it. A worker trains each trial with ``Workbench/train(_:_:)`` exactly as a local run would.
public struct QueuePlan: Sendable {
    /// One run to train.
    public struct Trial: Sendable {
        /// The run's name (`sweep lr #3`), or nil.
        public var name: String?
        /// `trial` under a sweep; `train` for a plain or k-fold run (the k-fold parent and its
        /// folds are trained together as one trial).
        public var kind: RunKind
        /// ``RunSettings/json()`` with `dataset` pinned to `name@hash12`.
        public var settings: String
        /// The content hash of the trial's feature recipe.
        public var featureConfigHash: String
        public var tags: [String]
        public var note: String?
    }

    /// The run the trials aggregate into once they are all in, as it would be recorded here.
    public struct Parent: Sendable {
        public var kind: RunKind
        public var name: String?
        /// The swept settings' alternatives over the shared settings (`runs.config`).
        public var config: String
        public var hyperparameters: [String: String]
        public var split: String
        public var seed: Int64
        public var tags: [String]
        public var featureConfigHash: String

        public init(
            kind: RunKind, name: String?, config: String, hyperparameters: [String: String], split: String, seed: Int64, tags: [String],
            featureConfigHash: String
        ) {
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

    /// The dataset version every trial trains on (64 hex digits).
    public var datasetVersionHash: String
    public var trials: [Trial]
    public var parent: Parent?
    /// Recorded as each run's command line.
    public var commandLine: String
}
