import Foundation

/// Every setting of a training run, resolved: defaults ← `--config FILE` ← flags.
///
/// Stored whole as `runs.config` (JSON) and flattened into `hyperparameters`, so a run can be
/// reproduced from the database alone. The defaults reproduce the seed pipeline: librosa
/// MFCC 40 + chroma + spectral contrast at 22,050 Hz, LSTM 128 → LSTM 64 → Dropout 0.3 →
/// Dense 64 ReLU → softmax, Adam 1e-3, batch 32, 30 epochs, clips padded/truncated to 200
/// frames, global z-score normalisation, speaker-independent split.
struct RunSettings: Codable, Equatable, Sendable {
    // Data
    /// `NAME` or `NAME@VERSION` (a version hash prefix); `nil` = the only dataset.
    var dataset: String?
    /// `+`-joined feature tokens: `mfccN`, `chroma`, `contrast`, `delta`, `delta2`, `rms`, `zcr`.
    var features = "mfcc40+chroma+contrast"
    /// Feature sample rate, Hz.
    var sampleRate = 22_050
    /// `global`, `cmvn` or `none`.
    var normalization = "global"

    // Split
    /// `speaker`, `random` or `kfold:K`.
    var split = "speaker"
    /// Test speakers for `--split speaker`; empty = draw `testFraction` of them.
    var testSpeakers: [String] = []
    /// Fraction of speakers (speaker split) or clips (random split) held out for test.
    var testFraction = 0.2
    /// Fraction of the training side held out for validation / early stopping.
    var validationFraction = 0.1

    // Model
    var layers = [128, 64]
    var bidirectional = false
    var dropout = 0.3
    var recurrentDropout = 0.0
    var dense = [64]
    var activation = "relu"
    /// `last`, `mean` or `attention`.
    var pooling = "last"
    var maxFrames = 200
    /// `padded` (the seed: zero-pad/truncate to maxFrames) or `masked` (real lengths).
    var sequence = "padded"

    // Training
    var epochs = 30
    var batch = 32
    var lr = 1e-3
    /// `adam`, `adamw` or `sgd`.
    var optimizer = "adam"
    var weightDecay = 0.0
    var momentum = 0.9
    /// Global-norm gradient clipping; 0 = off.
    var clipNorm = 0.0
    /// `constant`, `step:EVERY:FACTOR`, `cosine`, `plateau`.
    var schedule = "constant"
    var labelSmoothing = 0.0
    /// `none` or `balanced` (inverse class frequency on the training split).
    var classWeights = "none"
    /// Early-stopping patience in epochs on the validation metric; 0 = train all epochs.
    var patience = 0
    /// `val_loss`, `val_acc` or `val_f1`: picks the best epoch (and drives early stopping).
    var monitor = "val_loss"
    /// Which weights are evaluated and exported: `last` (the final epoch's, as the seed
    /// pipeline does) or `best` (the epoch with the best `monitor` value).
    var select = "last"
    var seed = 42
    /// Seed of the split (which speakers or clips are test and validation, and the k-fold
    /// assignment); `nil` uses ``seed``. Give the same split seed with other seeds to train
    /// different models on identical folds (e.g. for `ser ensemble`).
    var splitSeed: Int?
    /// Threads for training (OpenBLAS and the trainer's shards).
    var threads = 2

    // Augmentation (training clips only, seeded, new every epoch)
    /// The named preset these settings started from (`seed`, `best`); recorded for provenance.
    var recipe = "seed"
    /// SpecAugment time masks per clip and their longest width in frames.
    var timeMasks = 0
    var timeMaskWidth = 0
    /// SpecAugment feature masks per clip and their widest width in dimensions.
    var featureMasks = 0
    var featureMaskWidth = 0
    /// Gaussian noise added to the normalised features (standard deviation).
    var featureNoise = 0.0
    /// Speed-perturbation factors (e.g. `[0.9, 1.1]`): each training clip is also featurised
    /// from its audio played this much faster (tempo and pitch, libsoxr), cached like any
    /// feature, and every epoch each clip is drawn from its original and these copies
    /// (seeded). Empty = none. Validation and test clips are never perturbed.
    var speedPerturb: [Double] = []
    /// Mixup α: training clips mixed in pairs with weight `λ ~ Beta(α, α)`, inputs and targets
    /// (see `ModelConfig.mixup`). 0 = off.
    var mixup = 0.0

    init() {}

    /// Every key, with defaults filled in for those a config file or flags did not give.
    init(from decoder: any Decoder) throws {
        let defaults = RunSettings()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try c.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        dataset = try c.decodeIfPresent(String.self, forKey: .dataset)
        features = try value(.features, defaults.features)
        sampleRate = try value(.sampleRate, defaults.sampleRate)
        normalization = try value(.normalization, defaults.normalization)
        split = try value(.split, defaults.split)
        testSpeakers = try value(.testSpeakers, defaults.testSpeakers)
        testFraction = try value(.testFraction, defaults.testFraction)
        validationFraction = try value(.validationFraction, defaults.validationFraction)
        layers = try value(.layers, defaults.layers)
        bidirectional = try value(.bidirectional, defaults.bidirectional)
        dropout = try value(.dropout, defaults.dropout)
        recurrentDropout = try value(.recurrentDropout, defaults.recurrentDropout)
        dense = try value(.dense, defaults.dense)
        activation = try value(.activation, defaults.activation)
        pooling = try value(.pooling, defaults.pooling)
        maxFrames = try value(.maxFrames, defaults.maxFrames)
        sequence = try value(.sequence, defaults.sequence)
        epochs = try value(.epochs, defaults.epochs)
        batch = try value(.batch, defaults.batch)
        lr = try value(.lr, defaults.lr)
        optimizer = try value(.optimizer, defaults.optimizer)
        weightDecay = try value(.weightDecay, defaults.weightDecay)
        momentum = try value(.momentum, defaults.momentum)
        clipNorm = try value(.clipNorm, defaults.clipNorm)
        schedule = try value(.schedule, defaults.schedule)
        labelSmoothing = try value(.labelSmoothing, defaults.labelSmoothing)
        classWeights = try value(.classWeights, defaults.classWeights)
        patience = try value(.patience, defaults.patience)
        monitor = try value(.monitor, defaults.monitor)
        select = try value(.select, defaults.select)
        seed = try value(.seed, defaults.seed)
        splitSeed = try c.decodeIfPresent(Int.self, forKey: .splitSeed)
        threads = try value(.threads, defaults.threads)
        recipe = try value(.recipe, defaults.recipe)
        timeMasks = try value(.timeMasks, defaults.timeMasks)
        timeMaskWidth = try value(.timeMaskWidth, defaults.timeMaskWidth)
        featureMasks = try value(.featureMasks, defaults.featureMasks)
        featureMaskWidth = try value(.featureMaskWidth, defaults.featureMaskWidth)
        featureNoise = try value(.featureNoise, defaults.featureNoise)
        speedPerturb = try value(.speedPerturb, defaults.speedPerturb)
        mixup = try value(.mixup, defaults.mixup)
    }

    /// The settings as canonical JSON (sorted keys): `runs.config`.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Each setting as `name → JSON value text`, for the `hyperparameters` table.
    func flattened() throws -> [String: String] {
        let data = try JSONEncoder().encode(self)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in object {
            let fragment = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
            out[key] = String(decoding: fragment, as: UTF8.self)
        }
        return out
    }

    /// Overlays `overrides` (JSON-compatible values by setting name) on these settings.
    ///
    /// - Throws: ``RunSettingsError`` naming an unknown key or a value of the wrong type.
    func merging(_ overrides: [String: Any], source: String) throws -> RunSettings {
        let known = Set(Self.keys)
        if let unknown = overrides.keys.sorted().first(where: { !known.contains($0) }) {
            throw RunSettingsError(flag: source, reason: "unknown setting '\(unknown)'; known settings: \(Self.keys.joined(separator: ", "))")
        }
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            let numbers = (value as? [Any] ?? [value]).compactMap { $0 as? Double }
            if let bad = numbers.first(where: { !$0.isFinite }) {
                throw RunSettingsError(flag: source, reason: "setting '\(key)' must be a finite number (got \(bad))")
            }
        }
        let base = try JSONSerialization.jsonObject(with: JSONEncoder().encode(self)) as? [String: Any] ?? [:]
        let merged = base.merging(overrides) { _, new in new }
        let data = try JSONSerialization.data(withJSONObject: merged)
        do {
            return try JSONDecoder().decode(RunSettings.self, from: data)
        } catch let DecodingError.typeMismatch(type, context) where context.codingPath.first != nil {
            let key = context.codingPath.first?.stringValue ?? "?"
            throw RunSettingsError(
                flag: source, reason: "setting '\(key)' must be \(Self.describe(type)) (got \(Self.text(overrides[key] ?? merged[key])))")
        } catch let error as DecodingError {
            // JSONDecoder does not always say which key (e.g. 2.5 for an Int is "data
            // corrupted" with no path): find it by decoding each override alone.
            for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
                guard let single = try? JSONSerialization.data(withJSONObject: base.merging([key: value]) { _, new in new }) else { continue }
                if (try? JSONDecoder().decode(RunSettings.self, from: single)) == nil {
                    let whole = (base[key] as? Int) != nil && !(base[key] is Bool)
                    throw RunSettingsError(
                        flag: source, reason: "setting '\(key)' must be \(whole ? "a whole number" : "of the same type as its default \(Self.text(base[key]))") (got \(Self.text(value)))")
                }
            }
            throw RunSettingsError(flag: source, reason: "the settings cannot be read: \(error)")
        }
    }

    /// "a whole number", "a number", "text", … for a Swift type a setting decodes as.
    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int?.Type: "a whole number"
        case is Double.Type, is Double?.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type, is String?.Type: "text"
        case is [Int].Type: "a list of whole numbers"
        case is [Double].Type: "a list of numbers"
        case is [String].Type: "a list of text values"
        default: "of type \(type)"
        }
    }

    /// A JSON-compatible value as the user wrote it, for messages.
    private static func text(_ value: Any?) -> String {
        guard let value else { return "nothing" }
        if let string = value as? String { return "\"\(string)\"" }
        if let list = value as? [Any] { return "[" + list.map { text($0) }.joined(separator: ", ") + "]" }
        return "\(value)"
    }

    /// The setting names, as in config files and `hyperparameters.name`.
    static var keys: [String] {
        [
            "dataset", "features", "sampleRate", "normalization", "split", "testSpeakers", "testFraction",
            "validationFraction", "layers", "bidirectional", "dropout", "recurrentDropout", "dense", "activation",
            "pooling", "maxFrames", "sequence", "epochs", "batch", "lr", "optimizer", "weightDecay", "momentum",
            "clipNorm", "schedule", "labelSmoothing", "classWeights", "patience", "monitor", "select", "seed", "splitSeed",
            "threads", "recipe", "timeMasks", "timeMaskWidth", "featureMasks", "featureMaskWidth", "featureNoise",
            "speedPerturb", "mixup",
        ]
    }
}

/// A setting that cannot be used, naming the flag or file and the reason.
struct RunSettingsError: Error, CustomStringConvertible {
    let flag: String
    let reason: String
    var description: String { "\(flag): \(reason)" }
}
