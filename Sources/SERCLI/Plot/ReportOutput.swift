import SERCore

/// `ser report --json` (docs/json/report.schema.json): the files written.
struct ReportOutput: Encodable {
    /// A child run's report, written beside its parent's.
    struct Child: Encodable {
        var run: Int64
        var path: String
        var bytes: Int
    }

    /// The HTML file written.
    var path: String
    /// Its size in bytes.
    var bytes: Int
    /// The run reported on (`null` for a dataset report).
    @Nullable var run: Int64?
    /// The dataset reported on (`null` for a run report).
    @Nullable var dataset: String?
    /// The reports of the run's folds or trials (empty for other runs and for datasets).
    var children: [Child]
}
