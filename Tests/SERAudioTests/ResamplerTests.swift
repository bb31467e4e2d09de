import Foundation
import Testing
@testable import SERAudio

@Suite struct ResamplerTests {
    @Test func lengthIsCeilOfRatioAndASineKeepsItsFrequency() throws {
        let source = 48000, target = 22050
        let n = 48000
        let frequency = 440.0
        let signal = (0..<n).map { Float(sin(2 * Double.pi * frequency * Double($0) / Double(source))) * 0.5 }
        let out = try Resampler.resample(signal, from: source, to: target)
        #expect(out.count == Int((Double(n) * Double(target) / Double(source)).rounded(.up)))
        // Away from the edges the output is the same sine sampled at the new rate.
        var maxError: Float = 0
        for i in 1000..<(out.count - 1000) {
            let expected = Float(sin(2 * Double.pi * frequency * Double(i) / Double(target))) * 0.5
            maxError = max(maxError, abs(out[i] - expected))
        }
        #expect(maxError < 1e-3, "max error \(maxError)")
    }

    @Test func equalRatesAreIdentityAndBadRatesThrow() throws {
        let x: [Float] = [1, 2, 3]
        #expect(try Resampler.resample(x, from: 16000, to: 16000) == x)
        #expect(throws: AudioError.self) { try Resampler.resample(x, from: 0, to: 16000) }
    }
}
