import Foundation

/// One file's prediction as `ser predict --json` prints it.
struct PredictionResult: Encodable {
    let path: String
    let predicted: String
    /// Label → probability.
    let probabilities: [String: Double]
    /// Feature frames computed from the file (before truncation to maxFrames).
    let frames: Int

    /// `{label: p}` as compact JSON with sorted keys.
    func probabilitiesJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(probabilities), as: UTF8.self)
    }
}
