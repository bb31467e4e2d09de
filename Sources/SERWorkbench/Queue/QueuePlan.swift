public import SERStore

/// Work resolved for a team queue instead of trained here: every run's full resolved settings
/// pinned to one dataset version, and the parent the runs aggregate into (a sweep), as
/// ``Workbench/planSweep(_:grid:random:name:tags:)`` and ``Workbench/planRun(_:_:)`` make it.
/// A worker trains each run with ``Workbench/train(_:_:)`` exactly as a local run would.
public struct QueuePlan: Sendable {
    /// The dataset version every run trains on (64 hex digits).
    public var datasetVersionHash: String
    public var trials: [QueuedRunSpec]
    public var parent: QueuedParentSpec?
    /// Recorded as each run's command line.
    public var commandLine: String
}
