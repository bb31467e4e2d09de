import Foundation
import SERCore
public import SERONNX

/// `ser export --format json`: everything about the model in one readable JSON document —
/// metadata, architecture, normalisation and every weight tensor (name, shape, row-major values).
public struct JSONModelDump: Encodable {
    /// Refused above this many values: the dump is meant for small models.
    public static let maximumValues = 5_000_000

    public struct Tensor: Encodable {
        public let name: String
        public let shape: [Int]
        public let values: [Float]
    }

    public struct Normalization: Encodable {
        public let method: String
        public let mean: [Float]
        public let std: [Float]
    }

    public let format = "ser-model"
    public let formatVersion = 1
    public let metadata: [String: String]
    public let architecture: ONNXClassifier.Architecture
    public let normalization: Normalization
    public let tensors: [Tensor]

    public init(_ c: ONNXClassifier) {
        metadata = c.metadata
        architecture = c.architecture
        normalization = Normalization(method: c.architecture.normalization, mean: c.mean, std: c.std)
        tensors = c.weights.map { Tensor(name: $0.name, shape: $0.shape, values: $0.values) }
    }

    /// The document as pretty-printed JSON bytes (keys sorted).
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self))
    }
}
