import SERCore
import SERWorkbench

/// `ser ensemble --json` and `ser run --seeds --json` (docs/json/ensemble.schema.json): the
/// new run, its members and its test metrics.
struct EnsembleReport: Encodable {
    /// The new run.
    var run: Int64
    /// The combined runs, in the order given.
    var members: [Int64]
    /// Folds of a k-fold ensemble; `null` when the members are training runs.
    @Nullable var folds: Int?
    /// Test metrics (k-fold: the mean over the folds).
    var test: MetricSet
    /// Their standard deviation over the folds; all `null` for an ensemble of training runs.
    var testStd: MetricSet

    init(_ e: EnsembleOutcome) {
        run = e.run
        members = e.members
        folds = e.folds
        test = MetricSet(e.metrics.mapValues(\.mean))
        testStd = MetricSet(e.folds != nil ? e.metrics.mapValues(\.std) : [:])
    }
}
