import SERCore

/// The metrics `ser` records for a subset (`run_metrics` names `accuracy`, `macro_f1`, `uar`,
/// `loss`), as `--json` prints them: every key present, `null` when the run has no value.
struct MetricSet: Encodable, Equatable {
    /// Fraction of clips classified correctly, 0…1.
    @Nullable var accuracy: Double?
    /// Unweighted mean of the per-class F1 scores, 0…1.
    @Nullable var macroF1: Double?
    /// Unweighted average recall (mean per-class recall), 0…1.
    @Nullable var uar: Double?
    /// Mean cross-entropy, nats.
    @Nullable var loss: Double?

    /// The metrics from `run_metrics`-style names (`macro_f1`); other names are ignored.
    init(_ values: [String: Double]) {
        accuracy = values["accuracy"]
        macroF1 = values["macro_f1"]
        uar = values["uar"]
        loss = values["loss"]
    }
}
