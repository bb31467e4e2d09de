import SERCore
import SERWorkbench

/// `ser run --json` (docs/json/run.schema.json).
struct RunReport: Encodable {
    var run: Int64
    /// `finished`, `failed` or `interrupted`.
    var status: String
    /// The epoch with the best monitored validation value.
    @Nullable var bestEpoch: Int?
    /// The epoch whose weights were evaluated (differs from `bestEpoch` with `--select last`).
    @Nullable var selectedEpoch: Int?
    /// Test metrics (k-fold parents: the mean over the folds).
    var test: MetricSet
    /// Their standard deviation over the folds (`null` for a single run).
    var testStd: MetricSet
    /// `--reproduce`: whether the metrics are identical, else `null`.
    @Nullable var reproduction: String?

    init(_ outcome: TrainingOutcome) {
        run = outcome.run
        status = outcome.status.rawValue
        bestEpoch = outcome.bestEpoch
        selectedEpoch = outcome.selectedEpoch
        test = MetricSet(outcome.testMetrics)
        testStd = MetricSet(outcome.testStd)
        reproduction = outcome.reproduction.map(Self.text)
    }

    /// `reproduction of run 7: test metrics identical`, or which metrics differ and which
    /// provenance facts changed.
    static func text(_ r: Reproduction) -> String {
        if r.identical { return "reproduction of run \(r.original): test metrics identical" }
        func value(_ v: Double?) -> String { v.map { String($0) } ?? "–" }
        var note =
            "reproduction of run \(r.original): test metrics differ ("
            + r.differences.map { "\($0.metric) \(value($0.before)) → \(value($0.after))" }.joined(separator: ", ") + ")"
        if !r.environmentChanges.isEmpty {
            note +=
                "; the two runs differ in " + r.environmentChanges.joined(separator: ", ")
                + " (bit-identical results need the same build, BLAS threads and GEMM on the same CPU)"
        }
        return note
    }
}
