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
/// `librosa.load` to ≤ 1e-5 (absolute, full scale 1).
///
/// Reached (3 clips, one stereo): resampled signal identical to `librosa.load(sr=22050)`
/// (max difference 0); MFCC max error 1.2e-3 on values up to 860 (1.4e-6 of max |librosa|,
/// limit 1e-3) at 22,050 Hz and 7.3e-4 on values up to 556 at 48 kHz; chroma 8.9e-7 (limit
/// 1e-3); spectral contrast 3.8e-6 dB (limit 1e-2 dB); per-clip tuning equal to librosa's.
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
        if let file = item.input.resampledFile {
            let reference = try Fixtures.floats(file)
            var worst: Float = 0
            for i in 0..<min(reference.count, signal.count) { worst = max(worst, abs(reference[i] - signal[i])) }
            print("parity \(item.name) resample: max |SERAudio − librosa.load| = \(worst)")
            #expect(worst <= 1e-5, "resampled signal differs from librosa.load by \(worst)")
        }
        var config = FeatureConfig(sampleRate: item.sampleRate)
        config.deltaOrder = item.features["mfcc_delta"] == nil ? 0 : 2
        config.rms = true
        config.zcr = true
        let extractor = try FeatureExtractor(config: config)
        let tensor = try extractor.extract(signal)
        #expect(tensor.frames == item.frames)
        #expect(tensor.tuning == item.tuning, "tuning \(String(describing: tensor.tuning)) vs librosa \(item.tuning)")
        try ParityCheck.compare(tensor, with: item, label: item.name)
    }
}
