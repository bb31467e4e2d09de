/// What a queued group of runs aggregates into once all of them have ended.
public enum QueueGroupKind: String, Sendable, Hashable, CaseIterable {
    /// A sweep: the trials are its children; the parent records the trial chosen on validation.
    case sweep
    /// `--seeds`: the members are runs of their own; the group records their ensemble (the
    /// mean of their class probabilities), as `ser run --seeds` does.
    case seeds
}
