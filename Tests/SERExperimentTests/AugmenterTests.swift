import SERCore
import Testing
@testable import SERExperiment

@Suite struct AugmenterTests {
    let input = Matrix(rows: 50, columns: 10, repeating: 1)

    @Test func masksZeroWholeRowsAndColumnsWithinTheirWidths() {
        let a = Augmenter(timeMasks: 1, timeMaskWidth: 8, featureMasks: 1, featureMaskWidth: 3)
        for index in 0..<20 {
            let out = a.augment(input, seed: 1, epoch: 0, index: index)
            let zeroRows = (0..<50).filter { r in (0..<10).allSatisfy { out[r, $0] == 0 } }
            let zeroColumns = (0..<10).filter { c in (0..<50).allSatisfy { out[$0, c] == 0 } }
            #expect(zeroRows.count <= 8)
            #expect(zeroColumns.count <= 3)
            // Masks are contiguous.
            if let first = zeroRows.first, let last = zeroRows.last { #expect(last - first + 1 == zeroRows.count) }
            #expect(out.values.allSatisfy { $0 == 0 || $0 == 1 })
        }
    }

    @Test func deterministicPerSeedEpochAndClipButVaryingAcrossThem() {
        let a = Augmenter(timeMasks: 2, timeMaskWidth: 10, featureMasks: 2, featureMaskWidth: 4, noise: 0.1)
        #expect(a.augment(input, seed: 3, epoch: 2, index: 5) == a.augment(input, seed: 3, epoch: 2, index: 5))
        #expect(a.augment(input, seed: 3, epoch: 2, index: 5) != a.augment(input, seed: 3, epoch: 3, index: 5))
        #expect(a.augment(input, seed: 3, epoch: 2, index: 5) != a.augment(input, seed: 3, epoch: 2, index: 6))
        #expect(Augmenter().augment(input, seed: 3, epoch: 2, index: 5) == input)
    }

    @Test func noiseHasTheRequestedSpread() {
        let a = Augmenter(noise: 0.5)
        let out = a.augment(Matrix(rows: 200, columns: 50), seed: 9, epoch: 0, index: 0)
        let n = Double(out.values.count)
        let mean = out.values.reduce(0.0) { $0 + Double($1) } / n
        let sd = (out.values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n).squareRoot()
        #expect(abs(mean) < 0.02)
        #expect(abs(sd - 0.5) < 0.02)
    }
}
