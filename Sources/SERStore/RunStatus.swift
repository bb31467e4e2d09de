public import GRDB

/// A run's state (`runs.status`; `dead` is derived by the `run_summary` view for a running
/// run whose process is gone or whose heartbeat stopped).
public enum RunStatus: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    case queued, running, finished, failed, interrupted, dead

    /// Whether `ser run --resume` may continue a run in this state.
    public var isResumable: Bool { [.interrupted, .dead, .failed, .queued].contains(self) }
}

/// What a run is (`runs.kind`): a plain training run, a k-fold parent and its folds, or a
/// sweep parent and its trials.
public enum RunKind: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    case train, kfold, fold, sweep, trial

    /// Whether the run has child runs rather than a model of its own.
    public var isParent: Bool { self == .kfold || self == .sweep }
}
