/// The output of `ser predict --json`.
struct PredictionReport: Encodable {
    let run: Int64?
    /// Output index → label.
    let classes: [String]
    let predictions: [PredictionResult]
}
