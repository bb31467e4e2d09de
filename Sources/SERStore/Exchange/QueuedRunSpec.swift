/// A run to be trained from a team queue, as the queue holds it: everything a worker needs to
/// train it exactly as the queuing machine would have.
public struct QueuedRunSpec: Sendable, Hashable {
    /// The run's name (`sweep lr #3`), or nil.
    public var name: String?
    /// `trial` under a sweep; `train` for a plain or k-fold run (a k-fold run's folds train
    /// with it).
    public var kind: RunKind
    /// The full resolved settings (`RunSettings.json()`), `dataset` pinned to `name@hash12`.
    public var settings: String
    /// The content hash of the run's feature recipe.
    public var featureConfigHash: String
    public var tags: [String]
    public var note: String?

    public init(name: String?, kind: RunKind, settings: String, featureConfigHash: String, tags: [String] = [], note: String? = nil) {
        self.name = name
        self.kind = kind
        self.settings = settings
        self.featureConfigHash = featureConfigHash
        self.tags = tags
        self.note = note
    }
}
