import SERCore

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

    init(run: Int64, members: [Int64], plan: EnsembleBuilder.Plan, aggregate: [String: (mean: Double, std: Double)]) {
        self.run = run
        self.members = members
        let kfold = plan.kind == "kfold"
        folds = kfold ? plan.folds.count : nil
        test = MetricSet(aggregate.mapValues(\.mean))
        testStd = MetricSet(kfold ? aggregate.mapValues(\.std) : [:])
    }
}
