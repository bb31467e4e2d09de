/// Everything known about a run before it starts: the row `Store.createRun` inserts, with
/// its tags, flattened hyperparameters and provenance.
public struct NewRun: Sendable {
    public var name: String?
    /// `train`, `kfold`, `fold`, `sweep` or `trial`.
    public var kind: RunKind
    public var parentID: Int64?
    public var datasetVersionID: Int64?
    public var featureConfigID: Int64?
    /// `speaker`, `random`, `kfold:K`.
    public var split: String?
    public var seed: Int64
    /// JSON object text of every resolved setting.
    public var config: String
    public var commandLine: String
    public var tags: [String]
    public var note: String?
    /// Name → JSON value text (e.g. `"0.001"`, `"[128,64]"`, `"\"adam\""`).
    public var hyperparameters: [String: String]
    public var provenance: Provenance
    public var reproducesRunID: Int64?
    /// The run's global identity (lowercase 8-4-4-4-12 hex), or nil for a new random one: a
    /// queued trial's run takes the trial's UUID so that however often it is trained, the
    /// remote records it once.
    public var uuid: String?

    public init(
        name: String? = nil, kind: RunKind = .train, parentID: Int64? = nil, datasetVersionID: Int64?,
        featureConfigID: Int64?, split: String?, seed: Int64, config: String, commandLine: String,
        tags: [String] = [], note: String? = nil, hyperparameters: [String: String] = [:],
        provenance: Provenance, reproducesRunID: Int64? = nil, uuid: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.datasetVersionID = datasetVersionID
        self.featureConfigID = featureConfigID
        self.split = split
        self.seed = seed
        self.config = config
        self.commandLine = commandLine
        self.tags = tags
        self.note = note
        self.hyperparameters = hyperparameters
        self.provenance = provenance
        self.reproducesRunID = reproducesRunID
        self.uuid = uuid
    }
}
