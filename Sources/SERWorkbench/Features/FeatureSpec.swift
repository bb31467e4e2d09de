public import SERFeatures

/// The `--features` spec: `+`-joined tokens naming what goes into each frame.
///
/// `mfccN` (N coefficients, e.g. `mfcc40`), `chroma`, `contrast`, `delta` (adds ΔMFCC),
/// `delta2` (adds Δ and ΔΔ), `rms`, `zcr`, `logmel` (the 128-band log-mel spectrogram in
/// dB, librosa's `power_to_db(melspectrogram)`), `pitch` (YIN, `librosa.yin` over C2–C7:
/// log₂ F0 and the aperiodicity at the chosen period). Order does not matter: columns always
/// come in the order MFCC, chroma, contrast, Δ, ΔΔ, RMS, ZCR, log-mel, pitch
/// (``FeatureConfig/featureNames``).
public enum FeatureSpec {
    /// The tokens a spec may join, as help and errors list them: the one list to extend when
    /// a feature is added.
    public static let tokens = ["mfccN", "chroma", "contrast", "delta", "delta2", "rms", "zcr", "logmel", "pitch"]

    /// ``tokens`` comma-separated, for help texts.
    public static var tokenList: String { tokens.joined(separator: ", ") }

    /// Every recipe a run with `settings` trains on: its features first, then one copy per
    /// speed-perturbation factor (``RunSettings/speedPerturb``), in that order.
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming `features`.
    public static func recipes(of settings: RunSettings) throws -> [FeatureConfig] {
        let config = try self.config(settings.features, sampleRate: settings.sampleRate)
        return [config]
            + settings.speedPerturb.map { factor in
                var perturbed = config
                perturbed.speedFactor = factor
                return perturbed
            }
    }

    /// The feature configuration for `spec` at `sampleRate` Hz.
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming `features` and the bad token.
    public static func config(_ spec: String, sampleRate: Int) throws -> FeatureConfig {
        var config = FeatureConfig(sampleRate: sampleRate)
        config.nMFCC = 0
        config.chroma = false
        config.contrast = false
        let tokens = spec.lowercased().split(separator: "+").map(String.init)
        guard !tokens.isEmpty else { throw WorkbenchError.setting("features", "is empty") }
        for token in tokens {
            switch token {
            case "chroma": config.chroma = true
            case "contrast": config.contrast = true
            case "delta": config.deltaOrder = max(config.deltaOrder, 1)
            case "delta2": config.deltaOrder = 2
            case "rms": config.rms = true
            case "zcr": config.zcr = true
            case "logmel": config.logMel = true
            case "pitch": config.pitch = PitchConfig()
            default:
                if token.hasPrefix("mfcc"), let n = Int(token.dropFirst(4)), n >= 1, n <= 128 {
                    config.nMFCC = n
                } else {
                    throw WorkbenchError.setting(
                        "features",
                        "unknown feature '\(token)' in '\(spec)'; use \(tokenList) joined by +"
                    )
                }
            }
        }
        if config.deltaOrder > 0 && config.nMFCC == 0 {
            throw WorkbenchError.setting("features", "delta/delta2 are MFCC deltas; add an mfccN token")
        }
        do {
            try config.validate()
        } catch {
            throw WorkbenchError.setting("features", "\(error)")
        }
        return config
    }
}
