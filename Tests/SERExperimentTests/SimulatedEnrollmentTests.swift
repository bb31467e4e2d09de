import SERCore
import Testing
@testable import SERExperiment

@Suite struct SimulatedEnrollmentTests {
    /// A speaker's 4 clips `[5, 3]`, deterministic values with a per-dimension offset.
    static func clips() throws -> [Matrix] {
        var rng = SeededGenerator(seed: 4)
        return try (0..<4).map { _ in
            try #require(Matrix(rows: 5, columns: 3, values: (0..<15).map { Float($0 % 3) * 4 + Float(rng.nextGaussian()) }))
        }
    }

    /// The affine map on the run's normalised data equals normalising the speaker's features
    /// with the subset's statistics and then with the global ones, computed directly; the
    /// full-statistics draw returns the clip unchanged; draws depend only on (seed, epoch, index).
    @Test func theAffineMapIsNormalisationWithTheSubsetsStatistics() throws {
        let raw = try Self.clips()
        let speaker = Normalizer.fit(raw, method: .global)
        let xs = raw.map { speaker.apply($0) }
        // A global normaliser that is not the identity, as with several speakers pooled.
        let global = Normalizer(method: .global, mean: [0.2, -0.1, 0.05], std: [1.3, 0.8, 1.1])
        let subset = Normalizer.fit([xs[0], xs[2]], method: .global)
        let simulation = SimulatedEnrollment(subsetStatistics: [[[subset]]], speakerOfClip: [0, 0, 0, 0], global: global)
        #expect(simulation.draws == 1)
        var seen: Set<Bool> = []
        for epoch in 0..<20 {
            for index in 0..<4 {
                let y = global.apply(xs[index])
                let out = simulation.apply(y, index: index, copy: 0, seed: 7, epoch: epoch)
                #expect(out == simulation.apply(y, index: index, copy: 0, seed: 7, epoch: epoch))
                if out == y {
                    seen.insert(false)
                    continue
                }
                seen.insert(true)
                let expected = global.apply(subset.apply(xs[index]))
                // Values of a few units through two affine maps: float32 rounding, ≤ 1e-5.
                for (a, b) in zip(out.values, expected.values) { #expect(abs(a - b) <= 1e-5, "epoch \(epoch) clip \(index)") }
            }
        }
        #expect(seen == [false, true], "both the full statistics and the subset must be drawn")
        // A clip without a speaker, or a copy the speaker has no statistics for, is unchanged.
        let unknown = SimulatedEnrollment(subsetStatistics: [[[subset]]], speakerOfClip: [nil], global: global)
        let y = global.apply(xs[0])
        for epoch in 0..<5 { #expect(unknown.apply(y, index: 0, copy: 0, seed: 7, epoch: epoch) == y) }
        #expect(simulation.apply(y, index: 0, copy: 1, seed: 7, epoch: 0) == y)
    }
}
