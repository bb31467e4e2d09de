import Testing
import SERCore
@testable import SERExperiment

@Suite struct NormalizerTests {
    @Test func globalStatisticsMatchTheHandComputedOnesAndConstantDimsStayFinite() throws {
        let a = try #require(Matrix(rows: 2, columns: 2, values: [1, 5, 3, 5]))
        let b = try #require(Matrix(rows: 1, columns: 2, values: [5, 5]))
        let n = Normalizer.fit([a, b], method: .global)
        // Column 0: 1, 3, 5 → mean 3, population std sqrt(8/3). Column 1 is constant → std 1.
        #expect(abs(n.mean[0] - 3) < 1e-6)
        #expect(abs(n.std[0] - Float((8.0 / 3.0).squareRoot())) < 1e-6)
        #expect(n.mean[1] == 5 && n.std[1] == 1)
        let out = n.apply(a)
        #expect(abs(out[0, 0] + 2 / Float((8.0 / 3.0).squareRoot())) < 1e-6)
        #expect(out[0, 1] == 0)
    }

    @Test func cmvnRemovesEachUtterancesOffset() throws {
        let quiet = try #require(Matrix(rows: 3, columns: 1, values: [1, 2, 3]))
        let loud = try #require(Matrix(rows: 3, columns: 1, values: [101, 102, 103]))
        let n = Normalizer.fit([quiet, loud], method: .utterance)
        #expect(n.apply(quiet) == n.apply(loud))
        #expect(abs(n.apply(quiet).values.reduce(0, +)) < 1e-5)
    }
}
