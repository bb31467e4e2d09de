import SERCore
import SERReports
import SERWorkbench

/// The output of `ser predict --json`.
struct PredictionReport: Encodable {
    let run: Int64?
    /// Output index → label.
    let classes: [String]
    let predictions: [PredictionResult]
    /// Files that could not be classified, with the reason.
    var failures: [PredictionFailure] = []
}
