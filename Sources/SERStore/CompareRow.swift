/// One run as `ser compare` shows it: identity, provenance, final and best-epoch metrics,
/// hyperparameters and (on request) per-class F1.
public struct CompareRow: Sendable, Equatable {
    public var id: Int64
    public var name: String?
    /// `train`, `kfold`, `fold`, `sweep` or `trial`.
    public var kind: String
    public var parentID: Int64?
    /// As in `run_summary` (`dead` for a running run without heartbeat).
    public var status: String
    public var dataset: String?
    /// First 12 hex digits of the dataset version hash.
    public var datasetVersion: String?
    /// Feature recipe name.
    public var features: String?
    /// `speaker`, `random`, `kfold:K`, or `nil`.
    public var split: String?
    public var seed: Int64
    /// Best epoch; for parents the mean over children (with std).
    public var bestEpoch: MetricValue?
    /// Epochs recorded.
    public var epochsDone: Int?
    public var testAccuracy: MetricValue?
    public var testF1: MetricValue?
    public var testUAR: MetricValue?
    /// Validation metrics at the best epoch (parents: mean ± std over children).
    public var validationAccuracy: MetricValue?
    public var validationF1: MetricValue?
    public var validationUAR: MetricValue?
    /// Wall time in seconds.
    public var durationSeconds: Double?
    /// Tags, sorted.
    public var tags: [String]
    /// Number of folds or trials under this run.
    public var children: Int
    /// Hyperparameter name → JSON value text.
    public var hyperparameters: [String: String]
    /// Test F1 per class label (only with ``CompareQuery/perClass``).
    public var classF1: [String: Double]

    /// Creates a row with no metrics; ``Store/compare(_:)`` fills it.
    public init(id: Int64, kind: String, status: String, seed: Int64) {
        self.id = id
        self.kind = kind
        self.status = status
        self.seed = seed
        self.tags = []
        self.children = 0
        self.hyperparameters = [:]
        self.classF1 = [:]
    }
}
