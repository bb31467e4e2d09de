import SERStore

/// `/api/runs/{id}/predictions`: the clips of one confusion cell.
struct PredictionsPayload: Encodable {
    var subset: String
    var trueLabel: String
    var predicted: String
    /// The class order of every `probabilities` array.
    var classes: [String]
    var clips: [ClipPrediction]
}
