import SERWorkbench

/// `ser run --json`.
struct RunReport: Encodable {
    var run: Int64
    var status: String
    /// The epoch with the best monitored validation value.
    var bestEpoch: Int?
    /// The epoch whose weights were evaluated (differs from `bestEpoch` with `--select last`).
    var selectedEpoch: Int?
    var test: [String: Double]
    var testStd: [String: Double]
    var reproduction: String?

    init(_ outcome: TrainingOutcome) {
        run = outcome.run
        status = outcome.status.rawValue
        bestEpoch = outcome.bestEpoch
        selectedEpoch = outcome.selectedEpoch
        test = outcome.testMetrics
        testStd = outcome.testStd
        reproduction = outcome.reproduction.map(Self.text)
    }

    /// `reproduction of run 7: test metrics identical`, or which metrics differ and which
    /// provenance facts changed.
    static func text(_ r: Reproduction) -> String {
        if r.identical { return "reproduction of run \(r.original): test metrics identical" }
        func value(_ v: Double?) -> String { v.map { String($0) } ?? "–" }
        var note = "reproduction of run \(r.original): test metrics differ ("
            + r.differences.map { "\($0.metric) \(value($0.before)) → \(value($0.after))" }.joined(separator: ", ") + ")"
        if !r.environmentChanges.isEmpty {
            note += "; the two runs differ in " + r.environmentChanges.joined(separator: ", ")
                + " (bit-identical results need the same build, BLAS threads and GEMM on the same CPU)"
        }
        return note
    }
}
