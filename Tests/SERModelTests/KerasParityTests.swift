import Foundation
import SERCore
import Testing
@testable import SERModel

/// Forward outputs and loss against Keras 3 (TensorFlow CPU) on the fixture written by
/// `scripts/model/keras_parity.py`: the seed family (LSTM → LSTM → Dropout → Dense → softmax)
/// padded and masked (Keras `Masking`), and a bidirectional variant, with known weights.
@Suite struct KerasParityTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            var name: String
            var config: ModelConfig
            var sequences: [[[Float]]]
            var labels: [Int]
            var weights: [NamedTensor]
            var probabilities: [[Float]]
            var loss: Double
        }
        var keras: String
        var cases: [Case]
    }

    static func fixture() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "keras_parity", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test(arguments: 0..<3) func matchesKeras(caseIndex: Int) throws {
        let fixture = try Self.fixture()
        let c = try #require(fixture.cases.indices.contains(caseIndex) ? fixture.cases[caseIndex] : nil)
        let trainer = try Trainer(config: c.config, threads: 1)
        try trainer.setWeights(c.weights)
        let sequences = try c.sequences.map { rows in
            try #require(Matrix(rows: rows.count, columns: c.config.inputDims, values: rows.flatMap { $0 }))
        }
        let evaluation = try trainer.evaluate(SequenceDataset(sequences: sequences, labels: c.labels))
        var maxError: Float = 0
        for (i, row) in c.probabilities.enumerated() {
            for (k, expected) in row.enumerated() {
                maxError = max(maxError, abs(evaluation.probabilities[i, k] - expected))
            }
        }
        #expect(maxError <= 1e-5, "\(c.name): max |p − p_keras| = \(maxError)")
        let loss = try #require(evaluation.loss)
        #expect(abs(loss - c.loss) <= 1e-5, "\(c.name): loss \(loss) vs Keras \(c.loss)")
    }
}
