/// When training verifies that a dataset's source audio is still where it was imported.
public enum SourceVerification: Sendable, Equatable {
    /// Always (the default): a database keeps every run recomputable and auditable from its
    /// sources, so a moved or changed file stops a run even when its features are cached.
    case always
    /// Only when some tensor must be computed here. For a queue worker, whose tensors were
    /// computed and uploaded by the database that verified the sources (and keeps them).
    case whenComputing
}
