public import SERStore

/// One thing a training service did or is about to do.
public enum RunEvent: Sendable {
    /// The whole command will train `epochs` epochs (a sweep, `--seeds`): fixes the total
    /// that remaining-time estimates count down from.
    case plannedEpochs(Int)
    /// A run (or fold set) will train `epochs` more epochs; adds to the total unless
    /// ``plannedEpochs(_:)`` fixed it.
    case expectedEpochs(Int)
    /// A run starts training (after data preparation and its split).
    case started(RunStart)
    /// A run continues after its committed epoch `afterEpoch`.
    case resumed(run: Int64, afterEpoch: Int)
    /// An epoch was committed; `improved` when it is the new best by the monitor.
    case epoch(run: Int64, EpochRecord, total: Int, improved: Bool)
    /// Training stopped early: no improvement of `monitor` for `patience` epochs.
    case stoppedEarly(run: Int64, monitor: String, patience: Int)
    /// The run was cancelled after its committed epoch `afterEpoch`; it can be resumed.
    case interrupted(run: Int64, afterEpoch: Int)
    /// Fold `index` (0-based) of `count` of k-fold run `parent` starts.
    case fold(parent: Int64, index: Int, count: Int)
    /// Run `index` (0-based) of `count` of a `--seeds` set starts, with its seed.
    case seed(Int, index: Int, count: Int)
    /// Trial `index` (0-based) of `count` of sweep `sweep` starts in this process.
    case trial(sweep: Int64, index: Int, count: Int)
    /// A sentence for the user that fits no case above (k-fold totals, sweep launches).
    case message(String)
}

/// What a run trains on and with, when it starts.
public struct RunStart: Sendable {
    public var run: Int64
    public var settings: RunSettings
    public var dataset: String
    /// The dataset version's short hash.
    public var version: String
    public var clips: Int
    public var classes: Int
    /// Feature dimensions per frame.
    public var dims: Int
    public var train: Int
    public var validation: Int
    public var test: Int
    /// Trainable parameters of the model.
    public var parameters: Int
}
