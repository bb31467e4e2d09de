import Foundation
import SERAudio
import SERCore
import Testing
@testable import SERFeatures

/// Parity with librosa 0.11 on named RAVDESS clips from `../shared/data`, decoded and
/// resampled by SERAudio (as `librosa.load(path, sr=None)` and `librosa.load(path,
/// sr=22050)` do), at the native 48 kHz and at 22,050 Hz. Skipped when the corpus is absent.
///
/// Tolerances as in ``SyntheticParityTests``; the decode + soxr-HQ resample must agree with
/// `librosa.load` in every 512-sample block's mean and RMS to ≤ 1e-6 (full scale 1), and the
/// test reports whether the float32 bytes are identical (SHA-256).
///
/// Reached (3 clips, one stereo): resampled signal byte-identical to
/// `librosa.load(sr=22050)`; MFCC max error 1.2e-3 on values up to 860 (1.4e-6 of max |librosa|,
/// limit 1e-5) at 22,050 Hz and 7.3e-4 on values up to 556 at 48 kHz; chroma 8.9e-7 (limit
/// 1e-5); spectral contrast 3.8e-6 dB (limit 2e-4 dB); per-clip tuning equal to librosa's.
@Suite struct RAVDESSParityTests {
    static func realCases() throws -> [Fixtures.Case] {
        try Fixtures.manifest().cases.filter { $0.input.kind == "ravdess" }
    }

    static func load(_ item: Fixtures.Case) throws -> [Float]? {
        guard let data = Fixtures.sharedData, let path = item.input.path else { return nil }
        let url = data.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let mono = try AudioDecoder.decode(path: url.path).mono()
        guard let target = item.input.targetRate, let native = item.input.nativeRate else { return mono }
        return try Resampler.resample(mono, from: native, to: target)
    }

    @Test(
        .enabled(if: Fixtures.sharedData != nil, "skipped: ../shared/data (the shared RAVDESS corpus) is not next to the package"),
        arguments: try realCases())
    func matchesLibrosa(_ item: Fixtures.Case) throws {
        guard let signal = try Self.load(item) else {
            print("SKIP \(item.name): ../shared/data/\(item.input.path ?? "?") not present (RAVDESS parity needs the shared corpus)")
            return
        }
        #expect(signal.count == item.samples)
        if let reference = item.input.resampledFingerprint {
            // Per-block mean and RMS of the resampled signal (the fixtures hold no corpus audio).
            var worst = 0.0
            let n = reference.blockSize
            for (b, start) in stride(from: 0, to: signal.count, by: n).enumerated() where b < reference.blockMeans.count {
                let block = signal[start..<min(start + n, signal.count)].map(Double.init)
                let mean = block.reduce(0, +) / Double(block.count)
                let rms = (block.reduce(0) { $0 + $1 * $1 } / Double(block.count)).squareRoot()
                worst = max(worst, abs(mean - reference.blockMeans[b]), abs(rms - reference.blockRMS[b]))
            }
            let exact = SHA256.hex(FloatBlob.encode(signal)) == reference.sha256
            print("parity \(item.name) resample: max block mean/RMS difference \(worst); bytes identical to librosa.load: \(exact)")
            #expect(stride(from: 0, to: signal.count, by: n).underestimatedCount == reference.blockMeans.count)
            #expect(worst <= 1e-6, "resampled signal differs from librosa.load: block statistics off by \(worst)")
        }
        var config = FeatureConfig(sampleRate: item.sampleRate)
        config.deltaOrder = item.features["mfcc_delta"] == nil ? 0 : 2
        config.rms = true
        config.zcr = true
        config.logMel = true
        config.pitch = PitchConfig()
        let extractor = try FeatureExtractor(config: config)
        let tensor = try extractor.extract(signal)
        #expect(tensor.frames == item.frames)
        #expect(tensor.tuning == item.tuning, "tuning \(String(describing: tensor.tuning)) vs librosa \(item.tuning)")
        try ParityCheck.compare(tensor, with: item, label: item.name)
    }
}
