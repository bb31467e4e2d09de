import SERStore

/// `/api/runs/{id}`: a run's summary, final metrics, settings, provenance and epochs.
struct RunDetailPayload: Encodable {
    var run: RunOverview
    var metrics: [RunMetric]
    /// Hyperparameter name → JSON value text.
    var settings: [String: String]
    var provenance: Provenance?
    var epochs: [EpochRecord]
    /// Subsets with a confusion matrix, best first.
    var evaluatedSubsets: [String]
}
