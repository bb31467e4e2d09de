import Foundation
import SERCore
import SERONNX

/// `ser export --format json`: everything about the model in one readable JSON document —
/// metadata, architecture, normalisation and every weight tensor (name, shape, row-major values).
struct JSONModelDump: Encodable {
    /// Refused above this many values: the dump is meant for small models.
    static let maximumValues = 5_000_000

    struct Tensor: Encodable {
        let name: String
        let shape: [Int]
        let values: [Float]
    }

    struct Normalization: Encodable {
        let method: String
        let mean: [Float]
        let std: [Float]
    }

    let format = "ser-model"
    let formatVersion = 1
    let metadata: [String: String]
    let architecture: ONNXClassifier.Architecture
    let normalization: Normalization
    let tensors: [Tensor]

    init(_ c: ONNXClassifier) {
        metadata = c.metadata
        architecture = c.architecture
        normalization = Normalization(method: c.architecture.normalization, mean: c.mean, std: c.std)
        tensors = c.weights.map { Tensor(name: $0.name, shape: $0.shape, values: $0.values) }
    }

    /// The document as pretty-printed JSON bytes (keys sorted).
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self))
    }
}
