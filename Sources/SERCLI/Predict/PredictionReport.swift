import SERCore
import SERReports
import SERWorkbench

/// The output of `ser predict --json` (docs/json/predict.schema.json).
struct PredictionReport: Encodable {
    /// The run the model was trained in (`null` for a model file that names none).
    @Nullable var run: Int64?
    /// Output index → label.
    let classes: [String]
    let predictions: [PredictionResult]
    /// Files that could not be classified, with the reason.
    var failures: [PredictionFailure] = []
}
