import Foundation
import SERAudio
public import SERCore
public import SERFeatures

/// Turns an audio file into the raw feature matrix `[frames, dims]` of a recipe, exactly as
/// `ser run` does for a clip: libsndfile decode → channel mean → libsoxr HQ to the recipe's
/// rate → ``FeatureExtractor``.
public struct AudioFeaturizer {
    public let extractor: FeatureExtractor

    /// - Throws: ``ModelUseError`` when the recipe is invalid.
    public init(config: FeatureConfig) throws {
        do {
            extractor = try FeatureExtractor(config: config)
        } catch {
            throw ModelUseError(path: "feature recipe", "\(error)")
        }
    }

    /// The features of the file at `path`, and its SHA-256.
    ///
    /// The file passes the same checks as in `ser import` (``SourceCheck``: a regular file,
    /// not empty, not a truncated WAV; then the decoder's size claim and finite samples), and
    /// the features must come out finite.
    ///
    /// - Throws: ``ModelUseError`` naming the file: missing, not audio, truncated, bad
    ///   samples, too short, non-finite features, …
    public func features(path: String) throws -> (matrix: Matrix, contentHash: String) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ModelUseError(path: path, "no such file")
        }
        let hash: String
        do {
            hash = try SourceCheck.hashAndCheck(path: path).hash
        } catch {
            throw ModelUseError(path: path, "cannot be used as audio: \(error.summary)")
        }
        let matrix: Matrix
        do {
            let audio = try AudioDecoder.decode(path: path)
            let mono = try Resampler.resample(audio.mono(), from: audio.info.sampleRate, to: extractor.config.resampleRate)
            matrix = try extractor.extract(mono).matrix
        } catch let error as AudioError {
            throw ModelUseError(path: path, "cannot be used as audio: \(error.reason)")
        } catch {
            throw ModelUseError(path: path, "features cannot be computed: \(error)")
        }
        if let bad = matrix.values.firstIndex(where: { !$0.isFinite }) {
            throw ModelUseError(
                path: path,
                "its features are not finite (frame \(bad / max(1, matrix.columns)), column \(bad % max(1, matrix.columns)) is \(matrix.values[bad]))"
            )
        }
        return (matrix, hash)
    }
}
