import Testing
@testable import SERExperiment

@Suite struct CopySamplerTests {
    @Test func choicesAreSeededPerEpochAndClipAndCoverEveryCopy() {
        let sampler = CopySampler(copies: 3)
        var counts = [0, 0, 0]
        for index in 0..<3_000 {
            let choice = sampler.choice(seed: 42, epoch: 1, index: index)
            #expect(choice == sampler.choice(seed: 42, epoch: 1, index: index))
            counts[choice] += 1
        }
        // Uniform: each copy near 1,000 of 3,000 (binomial sd ≈ 26).
        #expect(counts.allSatisfy { abs($0 - 1_000) < 130 }, "\(counts)")
        let epoch1 = (0..<100).map { sampler.choice(seed: 42, epoch: 1, index: $0) }
        let epoch2 = (0..<100).map { sampler.choice(seed: 42, epoch: 2, index: $0) }
        let otherSeed = (0..<100).map { sampler.choice(seed: 7, epoch: 1, index: $0) }
        #expect(epoch1 != epoch2)
        #expect(epoch1 != otherSeed)
    }

    @Test func oneCopyIsAlwaysTheOriginal() {
        #expect((0..<50).allSatisfy { CopySampler(copies: 1).choice(seed: 1, epoch: $0, index: $0) == 0 })
        #expect(CopySampler(copies: 0).copies == 1)
    }
}
