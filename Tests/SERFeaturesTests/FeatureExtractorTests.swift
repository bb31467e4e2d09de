import Foundation
import SERCore
import Testing
@testable import SERFeatures

/// Bad input and edge cases, each checked against what librosa 0.11 does.
@Suite struct FeatureExtractorTests {
    @Test func emptyAndNonFiniteInputAreClearErrors() throws {
        let extractor = try FeatureExtractor()
        #expect(throws: FeatureError.emptySignal) { try extractor.extract([]) }
        var signal = [Float](repeating: 0.1, count: 4_000)
        signal[5] = .nan
        do {
            _ = try extractor.extract(signal)
            Issue.record("NaN accepted")
        } catch {
            guard case .nonFiniteSample(let index, let value) = error else { Issue.record("\(error)"); return }
            #expect(index == 5 && value.isNaN)
            #expect(error.reason.contains("sample 5"))
        }
        signal[5] = 0
        signal[3_999] = -.infinity
        #expect(throws: FeatureError.nonFiniteSample(index: 3_999, value: -.infinity)) { try extractor.extract(signal) }
        signal[3_999] = 0
        #expect(throws: FeatureError.sampleRateMismatch(expected: 22_050, got: 48_000)) {
            try extractor.extract(signal, sampleRate: 48_000)
        }
        #expect(try extractor.extract(signal, sampleRate: 22_050).frames == 8)
    }

    /// librosa pads a clip shorter than `n_fft` with zeros and returns one frame per 512
    /// samples plus one; a single sample gives one finite frame.
    @Test func aClipShorterThanOneWindowGivesFiniteFrames() throws {
        let extractor = try FeatureExtractor()
        for count in [1, 300, 511, 512, 2_047] {
            let tensor = try extractor.extract((0..<count).map { Float(sin(Double($0) * 0.1)) * 0.3 })
            #expect(tensor.frames == 1 + count / 512)
            #expect(tensor.dims == 59)
            #expect(tensor.matrix.values.allSatisfy { $0.isFinite })
        }
    }

    /// Silence: librosa's mel power is 0 everywhere, so power_to_db gives −100 dB, MFCC 0 is
    /// −100·√128 = −1131.37 and the rest 0; chroma 0; contrast 0 dB. Never NaN.
    @Test func silenceIsFiniteAndMatchesLibrosasValues() throws {
        let tensor = try FeatureExtractor().extract([Float](repeating: 0, count: 11_025))
        #expect(tensor.frames == 22)
        #expect(tensor.tuning == 0)
        // Every mel band of silence is librosa's floor, 10·log10(amin) = −100 dB, so MFCC d is
        // Σₘ dct[d][m]·(−100): −100·√128 for d = 0 and 0 for the others. The DCT is a float32
        // GEMM over 128 bands, whose error is bounded by (k + 2)·ε·Σ|terms| (as GEMMTests
        // check), plus the floor's own rounding (≤ 2 ulps of 100 in each term); that bound,
        // not one machine's result, is the tolerance, so any BLAS kernel or CPU passes.
        let bands = 128
        let epsilon = Double(Float.ulpOfOne) / 2
        for d in 0..<40 {
            let terms = (0..<bands).map { m -> Double in
                let scale = (d == 0 ? 1.0 : 2.0) / Double(bands)
                return scale.squareRoot() * cos(Double.pi * Double(d) * (2 * Double(m) + 1) / (2 * Double(bands))) * -100
            }
            let exact = terms.reduce(0, +)
            let bound = (Double(bands) + 2 + 2) * epsilon * terms.reduce(0) { $0 + abs($1) }
            for t in 0..<tensor.frames {
                let error = abs(Double(tensor.matrix[t, d]) - exact)
                #expect(error <= bound, "MFCC \(d) of silence at frame \(t): off by \(error), bound \(bound)")
            }
        }
        for t in 0..<tensor.frames {
            for d in 40..<59 { #expect(tensor.matrix[t, d].isFinite && abs(tensor.matrix[t, d]) < 1e-3) }
        }
    }

    /// Log-mel alone (no MFCC) gives the same 128 columns as log-mel beside MFCCs, and the
    /// MFCCs are the orthonormal DCT of those columns, so the two outputs share one spectrum.
    @Test func logMelAloneEqualsLogMelBesideMFCCAndIsTheMFCCsInput() throws {
        let signal: [Float] = (0..<11_025).map { i in
            let t = Double(i)
            return Float(0.4 * sin(t * 0.07) + 0.1 * sin(t * 0.31))
        }
        var alone = FeatureConfig()
        alone.nMFCC = 0
        alone.chroma = false
        alone.contrast = false
        alone.logMel = true
        var beside = FeatureConfig()
        beside.logMel = true
        let a = try FeatureExtractor(config: alone).extract(signal)
        let b = try FeatureExtractor(config: beside).extract(signal)
        #expect(a.dims == 128 && b.dims == 59 + 128)
        #expect(a.names.first == "logmel_0" && b.names.last == "logmel_127")
        let offset = try #require(b.names.firstIndex(of: "logmel_0"))
        let dct = DCT.orthonormalMatrix(count: 40, length: 128)
        for t in 0..<a.frames {
            for k in 0..<128 { #expect(a.matrix[t, k] == b.matrix[t, offset + k]) }
            // MFCC k = Σ_m dct[k, m]·logmel_m, summed here in double: float32 rounding of a
            // 128-term sum of values ≤ 100 dB bounds the difference by 128·100·2⁻²⁴ ≈ 1e-3.
            for k in 0..<40 {
                let sum = (0..<128).reduce(0.0) { $0 + Double(dct[k * 128 + $1]) * Double(a.matrix[t, $1]) }
                #expect(abs(sum - Double(b.matrix[t, k])) <= 1e-3, "frame \(t) mfcc \(k)")
            }
        }
    }

    /// A steady harmonic tone is tracked at its F0 with low aperiodicity, and the zero
    /// padding around a silent stretch reads as aperiodic (1), not as perfectly periodic.
    @Test func pitchTracksAToneAndCallsSilenceAperiodic() throws {
        let f0 = 196.0
        let tone: [Float] = (0..<22_050).map { i in
            let t = Double(i) / 22_050
            return Float((1...5).reduce(0.0) { $0 + 0.3 / Double($1) * sin(2 * .pi * f0 * Double($1) * t) })
        }
        let signal = tone + [Float](repeating: 0, count: 22_050)
        var config = FeatureConfig()
        config.pitch = PitchConfig()
        let tensor = try FeatureExtractor(config: config).extract(signal)
        #expect(tensor.dims == 61 && Array(tensor.names.suffix(2)) == ["log2_f0", "aperiodicity"])
        // Frames 4…38 lie wholly in the tone (frame t spans samples 512t − 1024 ..< 512t + 1024).
        for t in 4...38 {
            let estimate = pow(2, Double(tensor.matrix[t, 59]))
            // YIN's parabolic refinement is biased here by up to 0.1 % (librosa.yin: 9.8e-4):
            // 0.5 % is a twelfth of a semitone, and an octave error would be 100 %.
            #expect(abs(estimate / f0 - 1) < 5e-3, "frame \(t): \(estimate) Hz")
            #expect(tensor.matrix[t, 60] < 0.05, "frame \(t) aperiodicity \(tensor.matrix[t, 60])")
        }
        // Frames 46… hold only zeros (the tone ends at sample 22,050 = frame 43 + 1,024).
        for t in 46..<tensor.frames { #expect(tensor.matrix[t, 60] == 1, "silent frame \(t)") }
    }

    @Test func deltasNeedAsManyFramesAsTheWindow() throws {
        var config = FeatureConfig()
        config.deltaOrder = 1
        let extractor = try FeatureExtractor(config: config)
        // 8 frames < width 9: librosa.feature.delta raises, so do we.
        #expect(throws: FeatureError.tooShortForDeltas(frames: 8, width: 9)) {
            try extractor.extract([Float](repeating: 0.01, count: 7 * 512))
        }
        #expect(try extractor.extract([Float](repeating: 0.01, count: 8 * 512)).frames == 9)
    }

    /// Savitzky–Golay coefficients for width 9 (scipy.signal.savgol_coeffs(9, 1, deriv=1)
    /// and (9, 2, deriv=2), reversed to correlation order).
    @Test func deltaCoefficientsAreSavitzkyGolay() {
        let first = Delta.coefficients(width: 9, order: 1)
        let expectedFirst = [-4, -3, -2, -1, 0, 1, 2, 3, 4].map { Double($0) / 60 }
        for (a, b) in zip(first, expectedFirst) { #expect(abs(a - b) < 1e-15) }
        let second = Delta.coefficients(width: 9, order: 2)
        let expectedSecond = [
            0.0606060606060606, 0.0151515151515152, -0.0173160173160173, -0.0367965367965368,
            -0.0432900432900433, -0.0367965367965368, -0.0173160173160173, 0.0151515151515152, 0.0606060606060606,
        ]
        for (a, b) in zip(second, expectedSecond) { #expect(abs(a - b) < 1e-12) }
    }

    /// One extractor reused across clips of different lengths (workspaces grown and reused)
    /// and extractors running on two threads give what fresh extractors give.
    @Test func reuseAndConcurrencyDoNotChangeResults() throws {
        let long = (0..<30_000).map { Float(sin(Double($0) * 0.037) + 0.3 * sin(Double($0) * 0.21)) * 0.2 }
        let short = Array(long.prefix(9_000))
        let reused = try FeatureExtractor()
        let a = try reused.extract(long)
        let b = try reused.extract(short)
        #expect(try FeatureExtractor().extract(short) == b)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            guard let extractor = try? FeatureExtractor(), let tensor = try? extractor.extract(worker == 0 ? long : short) else { return }
            results.set(worker, tensor)
        }
        #expect(results.get(0) == a)
        #expect(results.get(1) == b)
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: FeatureTensor] = [:]
    func set(_ key: Int, _ value: FeatureTensor) { lock.lock(); values[key] = value; lock.unlock() }
    func get(_ key: Int) -> FeatureTensor? { lock.lock(); defer { lock.unlock() }; return values[key] }
}
