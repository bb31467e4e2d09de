/// A run as the plots and the report show it: one row of `run_summary` plus the run's
/// configuration and command line.
public struct RunOverview: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String?
    /// `train`, `kfold`, `fold`, `sweep`, `trial`.
    public var kind: String
    /// As `run_summary` reports it: `queued`, `running`, `dead`, `finished`, `failed`, `interrupted`.
    public var status: String
    public var dataset: String?
    /// First 12 hex digits of the dataset version hash.
    public var datasetVersion: String?
    public var split: String?
    public var seed: Int64
    public var bestEpoch: Int?
    public var epochsDone: Int?
    /// JSON object text of every resolved setting.
    public var config: String
    public var commandLine: String
    public var createdAt: String
    /// Seconds from start to finish (or last heartbeat).
    public var durationSeconds: Double?
    public var tags: [String]
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
        seed: Int64, bestEpoch: Int?, epochsDone: Int?, config: String, commandLine: String, createdAt: String,
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
