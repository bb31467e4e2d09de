public import Foundation

/// One file's prediction as `ser predict --json` prints it.
public struct PredictionResult: Encodable, Sendable {
    public let path: String
    public let predicted: String
    /// Label → probability.
    public let probabilities: [String: Double]
    /// Feature frames computed from the file (before truncation to maxFrames).
    public let frames: Int

    /// `{label: p}` as compact JSON with sorted keys.
    public func probabilitiesJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(probabilities), as: UTF8.self)
    }

    public init(path: String, predicted: String, probabilities: [String: Double], frames: Int) {
        self.path = path
        self.predicted = predicted
        self.probabilities = probabilities
        self.frames = frames
    }
}
