import Foundation
import SERAudio
import SERCore
import SERFeatures

/// Turns an audio file into the raw feature matrix `[frames, dims]` of a recipe, exactly as
/// `ser run` does for a clip: libsndfile decode → channel mean → libsoxr HQ to the recipe's
/// rate → ``FeatureExtractor``.
struct AudioFeaturizer {
    let extractor: FeatureExtractor

    /// - Throws: ``ModelUseError`` when the recipe is invalid.
    init(config: FeatureConfig) throws {
        do {
            extractor = try FeatureExtractor(config: config)
        } catch {
            throw ModelUseError(path: "feature recipe", "\(error)")
        }
    }

    /// The features of the file at `path`.
    ///
    /// - Throws: ``ModelUseError`` naming the file: missing, not audio, too short, …
    func features(path: String) throws -> Matrix {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ModelUseError(path: path, "no such file")
        }
        do {
            let audio = try AudioDecoder.decode(path: path)
            let mono = try Resampler.resample(audio.mono(), from: audio.info.sampleRate, to: extractor.config.resampleRate)
            return try extractor.extract(mono).matrix
        } catch let error as AudioError {
            throw ModelUseError(path: path, "cannot be used as audio: \(error.reason)")
        } catch {
            throw ModelUseError(path: path, "features cannot be computed: \(error)")
        }
    }
}
