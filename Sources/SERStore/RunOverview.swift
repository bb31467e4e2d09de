/// A run as the plots and the report show it: one row of `run_summary` plus the run's
/// configuration and command line.
public struct RunOverview: Sendable, Codable, Equatable {
    /// `runs.id`.
    public var id: Int64
    /// The run's name, if given.
    public var name: String?
    /// `train`, `kfold`, `fold`, `sweep`, `trial`.
    public var kind: String
    /// As `run_summary` reports it: `queued`, `running`, `dead`, `finished`, `failed`, `interrupted`.
    public var status: String
    /// Name of the run's dataset.
    public var dataset: String?
    /// First 12 hex digits of the dataset version hash.
    public var datasetVersion: String?
    /// How clips were split: `speaker`, `random`, `kfold:K`.
    public var split: String?
    /// The run's random seed.
    public var seed: Int64
    /// The epoch with the best monitored validation value (1-based).
    public var bestEpoch: Int?
    /// The epoch whose weights were evaluated (1-based): `bestEpoch` with `--select best`, the
    /// last epoch with `--select last`.
    public var selectedEpoch: Int?
    /// Highest recorded epoch.
    public var epochsDone: Int?
    /// JSON object text of every resolved setting.
    public var config: String
    /// The command that started the run.
    public var commandLine: String
    /// ISO-8601 UTC timestamp.
    public var createdAt: String
    /// Seconds from start to finish (or last heartbeat).
    public var durationSeconds: Double?
    /// Tags, sorted.
    public var tags: [String]
    /// The user's note.
    public var note: String?
    /// Why the run failed, if it did.
    public var error: String?

    /// `run 3 (baseline)` or `run 3`.
    public var displayName: String {
        if let name, !name.isEmpty { return "run \(id) (\(name))" }
        return "run \(id)"
    }

    public init(
        id: Int64, name: String?, kind: String, status: String, dataset: String?, datasetVersion: String?, split: String?,
        seed: Int64, bestEpoch: Int?, selectedEpoch: Int? = nil, epochsDone: Int?, config: String, commandLine: String, createdAt: String,
        durationSeconds: Double?, tags: [String], note: String?, error: String?
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.status = status
        self.dataset = dataset
        self.datasetVersion = datasetVersion
        self.split = split
        self.seed = seed
        self.bestEpoch = bestEpoch
        self.selectedEpoch = selectedEpoch
        self.epochsDone = epochsDone
        self.config = config
        self.commandLine = commandLine
        self.createdAt = createdAt
        self.durationSeconds = durationSeconds
        self.tags = tags
        self.note = note
        self.error = error
    }
}
