public import SERCore
import Foundation
public import SERModel

/// Every setting of a training run, resolved: defaults ← recipe ← settings file ← overrides.
///
/// Stored whole as `runs.config` (JSON, sorted keys) and flattened into `hyperparameters`,
/// so a run can be reproduced from the database alone. The defaults reproduce the seed
/// pipeline: librosa MFCC 40 + chroma + spectral contrast at 22,050 Hz, LSTM 128 → LSTM 64
/// → Dropout 0.3 → Dense 64 ReLU → softmax, Adam 1e-3, batch 32, 30 epochs, clips
/// padded/truncated to 200 frames, global z-score normalisation, speaker-independent split.
///
/// Adding a setting: a property here and its line in ``all`` (key, type, help, rule); files,
/// flags, sweeps, the stored config and `hyperparameters` follow from them.
public struct RunSettings: Equatable, Sendable {
    // Data
    public var dataset: String?
    public var features = "mfcc40+chroma+contrast"
    public var sampleRate = 22_050
    public var normalization = NormalizationChoice.global
    // Split
    public var split = SplitChoice.speaker
    public var testSpeakers: [String] = []
    public var testFraction = 0.2
    public var validationFraction = 0.1
    // Model
    public var conv: [Int] = []
    public var convKernel = 5
    public var layers = [128, 64]
    public var bidirectional = false
    public var dropout = 0.3
    public var recurrentDropout = 0.0
    public var dense = [64]
    public var activation = Activation.relu
    public var pooling = Pooling.last
    public var maxFrames = 200
    public var sequence = SequenceMode.padded
    // Training
    public var epochs = 30
    public var batch = 32
    public var lr = 1e-3
    public var optimizer = OptimizerChoice.adam
    public var weightDecay = 0.0
    public var momentum = 0.9
    public var clipNorm = 0.0
    /// Weight averaging: the momentum of an exponential moving average of the weights, taken
    /// after every step, that validation, the best checkpoint and the test use (0 = off).
    public var ema = 0.0
    public var schedule = ScheduleChoice.constant
    public var labelSmoothing = 0.0
    public var classWeights = ClassWeighting.none
    public var patience = 0
    public var monitor = MonitorChoice.valLoss
    public var select = SelectionChoice.last
    public var seed = 42
    public var splitSeed: Int?
    public var threads = 2
    // Augmentation
    public var recipe = Recipe.seed
    public var timeMasks = 0
    public var timeMaskWidth = 0
    public var featureMasks = 0
    public var featureMaskWidth = 0
    public var featureNoise = 0.0
    public var speedPerturb: [Double] = []
    public var mixup = 0.0
    /// Per-speaker runs: each epoch, each training clip is z-scored with the statistics of
    /// this many random clips of its speaker instead of all of them, as an enrolment would
    /// measure them (0 = off).
    public var simulateEnrollment = 0
    // Distillation
    /// A finished k-fold run or ensemble on this run's folds whose models' class
    /// probabilities on the training clips join the targets (knowledge distillation).
    public var teacher: Int?
    /// The teacher probabilities' weight β in each training target (with ``teacher``).
    public var distill = 0.5
    /// The temperature `T` that softens the teacher's mean probabilities, `t_c ∝ p̄_c^(1/T)`.
    public var distillTemperature = 1.0
    /// With ``teacher`` and ``speedPerturb``: whether a speed-perturbed copy is taught with its
    /// clip's targets or with the teacher's probabilities of the copy itself.
    public var distillCopies = DistillCopies.source

    /// The defaults.
    public init() {}

    /// Every setting, in help order: the one declaration the rest derives from.
    public static let all: [Setting] = [
        .make("dataset", \.dataset, .data, "name", "Dataset NAME or NAME@VERSION (default: the only dataset).", sweepable: false),
        .make(
            "features", \.features, .data, "spec",
            "Feature set, '+'-joined: \(FeatureSpec.tokenList) (default mfcc40+chroma+contrast)."),
        .make(
            "sampleRate", \.sampleRate, .data, "hz", "Feature sample rate in Hz (default 22050).",
            rule: Setting.within(1000...384_000, "must be between 1000 and 384000 Hz")),
        .make(
            "normalization", \.normalization, .data, "method",
            "Input normalisation: global, cmvn, speaker (per-speaker z-score first; transductive) or none (default global)."),
        .make("split", \.split, .split, "plan", "speaker (default), random or kfold:K.", sweepable: false),
        .make(
            "testSpeakers", \.testSpeakers, .split, "ids", "Test speakers for --split speaker, comma-separated (e.g. 15,16,17,18).",
            sweepable: false),
        .make(
            "testFraction", \.testFraction, .split, "f",
            "Fraction of speakers (or clips) held out for test when none are named (default 0.2).",
            rule: { $0 > 0 && $0 < 1 ? nil : "must be between 0 and 1 (got \($0))" }),
        .make(
            "validationFraction", \.validationFraction, .split, "f", "Fraction of the training side held out for validation (default 0.1).",
            rule: { $0 >= 0 && $0 < 1 ? nil : "must be in [0, 1) (got \($0))" }),
        .make(
            "conv", \.conv, .model, "channels",
            "1-D convolutions over time before the LSTM layers, output channels bottom first, each followed by ReLU (e.g. 128,128; default none).",
            rule: { $0.allSatisfy { $0 > 0 && $0 <= 4096 } ? nil : "channel counts must be between 1 and 4096 (got \($0))" }),
        .make(
            "convKernel", \.convKernel, .model, "frames", "Frames each convolution spans, odd (default 5).",
            rule: ModelConfig.convKernelProblem),
        .make(
            "layers", \.layers, .model, "sizes", "LSTM layer sizes, bottom first (default 128,64).",
            rule: {
                $0.isEmpty
                    ? "needs at least one LSTM layer (e.g. --layers 128,64)"
                    : $0.allSatisfy { $0 > 0 && $0 <= 4096 } ? nil : "layer sizes must be between 1 and 4096 (got \($0))"
            }),
        .make("bidirectional", \.bidirectional, .model, "bool", "Bidirectional LSTM layers: true or false."),
        .make(
            "dropout", \.dropout, .model, "p", "Dropout before the dense head (default 0.3).",
            rule: { $0 >= 0 && $0 < 1 ? nil : "must be in [0, 1) (got \($0))" }),
        .make(
            "recurrentDropout", \.recurrentDropout, .model, "p", "Recurrent-input dropout (default 0).",
            rule: { $0 >= 0 && $0 < 1 ? nil : "must be in [0, 1) (got \($0))" }),
        .make(
            "dense", \.dense, .model, "sizes", "Hidden dense layer sizes (default 64; 'none' for none).",
            rule: { $0.allSatisfy { $0 > 0 && $0 <= 8192 } ? nil : "dense sizes must be between 1 and 8192 (got \($0))" }),
        .make("activation", \.activation, .model, "name", "Dense activation: relu, tanh or linear."),
        .make(
            "pooling", \.pooling, .model, "name",
            "Temporal pooling: last (default), mean, attention or stats (mean and standard deviation)."),
        .make(
            "maxFrames", \.maxFrames, .model, "n", "Frames per clip, truncated or padded (default 200).",
            rule: Setting.within(1...100_000, "must be between 1 and 100,000")),
        .make("sequence", \.sequence, .model, "mode", "padded (seed default) or masked (each clip's real length)."),
        .make(
            "epochs", \.epochs, .training, "n", "Epochs (default 30).", rule: Setting.within(1...100_000, "must be between 1 and 100,000")),
        .make(
            "batch", \.batch, .training, "n", "Batch size (default 32).", rule: Setting.within(1...65_536, "must be between 1 and 65,536")),
        .make(
            "lr", \.lr, .training, "rate", "Learning rate (default 1e-3).",
            rule: { $0 > 0 && $0 < 10 ? nil : "must be a positive learning rate below 10 (got \($0))" }),
        .make("optimizer", \.optimizer, .training, "name", "adam (default), adamw or sgd."),
        .make("weightDecay", \.weightDecay, .training, "w", "Weight decay for adamw.", rule: { $0 >= 0 ? nil : "must be ≥ 0 (got \($0))" }),
        .make(
            "momentum", \.momentum, .training, "m", "Momentum for sgd (default 0.9).",
            rule: { $0 >= 0 && $0 < 1 ? nil : "must be in [0, 1) (got \($0))" }),
        .make(
            "clipNorm", \.clipNorm, .training, "norm", "Gradient clipping by global norm (0 = off).",
            rule: { $0 >= 0 ? nil : "must be ≥ 0 (0 = off; got \($0))" }),
        .make(
            "ema", \.ema, .training, "m",
            "Weight averaging: evaluate and keep an exponential moving average of the weights, updated every step with "
                + "momentum m (Keras use_ema/ema_momentum, e.g. 0.99; 0 = off, the default).",
            rule: { $0 == 0 || ($0 > 0 && $0 < 1) ? nil : "must be 0 (off) or in (0, 1) (got \($0))" }),
        .make("schedule", \.schedule, .training, "schedule", "constant (default), cosine, plateau or step:EVERY:FACTOR."),
        .make(
            "labelSmoothing", \.labelSmoothing, .training, "eps", "Label smoothing ε (default 0).",
            rule: { $0 >= 0 && $0 < 1 ? nil : "must be in [0, 1) (got \($0))" }),
        .make("classWeights", \.classWeights, .training, "mode", "none (default) or balanced."),
        .make(
            "patience", \.patience, .training, "n", "Early-stopping patience in epochs (0 = off, the default).",
            rule: { $0 >= 0 ? nil : "must be ≥ 0 (0 = off; got \($0))" }),
        .make("monitor", \.monitor, .training, "metric", "Best-epoch metric: val_loss (default), val_acc or val_f1."),
        .make(
            "select", \.select, .training, "which", "Weights evaluated and exported: last (default, as the seed) or best (by --monitor)."),
        .make("seed", \.seed, .training, "n", "Random seed (default 42)."),
        .make(
            "splitSeed", \.splitSeed, .split, "n",
            "Seed of the split and folds only (default: --seed); the same split seed with other seeds trains other models on the same folds."
        ),
        .make(
            "threads", \.threads, .training, "n", "Training threads (default 2).", sweepable: false,
            rule: Setting.within(1...256, "must be between 1 and 256")),
        .make(
            "recipe", \.recipe, .augmentation, "name",
            "Preset the settings start from: seed (the default, faithful to the seed pipeline), best, or best-speaker (per-speaker normalisation; for `ser evaluate`).",
            sweepable: false),
        .make(
            "timeMasks", \.timeMasks, .augmentation, "n", "SpecAugment time masks per training clip (default 0).",
            rule: { $0 >= 0 ? nil : "mask counts and widths must be ≥ 0" }),
        .make(
            "timeMaskWidth", \.timeMaskWidth, .augmentation, "frames", "Longest time mask, frames.",
            rule: { $0 >= 0 ? nil : "mask counts and widths must be ≥ 0" }),
        .make(
            "featureMasks", \.featureMasks, .augmentation, "n", "SpecAugment feature masks per training clip (default 0).",
            rule: { $0 >= 0 ? nil : "mask counts and widths must be ≥ 0" }),
        .make(
            "featureMaskWidth", \.featureMaskWidth, .augmentation, "dims", "Widest feature mask, dimensions.",
            rule: { $0 >= 0 ? nil : "mask counts and widths must be ≥ 0" }),
        .make(
            "featureNoise", \.featureNoise, .augmentation, "std", "Gaussian noise on normalised training features (std, default 0).",
            rule: { $0 >= 0 && $0 < 10 ? nil : "must be in [0, 10) (got \($0))" }),
        .make(
            "speedPerturb", \.speedPerturb, .augmentation, "factors",
            "Speed-perturbation factors for training clips, comma-separated (e.g. 0.9,1.1; default none): each epoch a clip is drawn from its original and its resampled copies.",
            rule: { factors in
                let text = factors.map(\.description).joined(separator: ",")
                if !factors.allSatisfy({ (0.5...2).contains($0) && $0 != 1 }) {
                    return "factors must be in 0.5...2 and not 1 (got \(text))"
                }
                return Set(factors).count == factors.count ? nil : "lists a factor twice (\(text))"
            }),
        .make(
            "mixup", \.mixup, .augmentation, "alpha", "Mixup α for training batches (e.g. 0.2; default 0 = off).",
            rule: { $0 >= 0 && $0 <= 100 ? nil : "α must be in [0, 100] (0 = off; got \($0))" }),
        .make(
            "simulateEnrollment", \.simulateEnrollment, .augmentation, "n",
            "With --normalization speaker: each epoch a training clip is z-scored with the statistics of N random clips of its "
                + "speaker (one of 8 subsets, or all clips), as `ser enroll` measures a new speaker (default 0 = off).",
            rule: Setting.within(0...10_000, "must be between 0 (off) and 10,000")),
        .make(
            "teacher", \.teacher, .training, "run",
            "Knowledge distillation: a finished k-fold run or ensemble (id, name, last or @tag) trained on the same folds (same dataset version, --split "
                + "and --split-seed) whose class probabilities on each fold's training clips join that fold's targets; "
                + "the run trains one model per fold as usual, deployable alone (default none).",
            sweepable: false, namesRun: true, rule: { $0.map { $0 > 0 ? nil : "must be a run id (got \($0))" } ?? nil }),
        .make(
            "distill", \.distill, .training, "beta",
            "With --teacher: the teacher's weight β in each training target, (1−β)·label + β·teacher (default 0.5).",
            rule: { $0 > 0 && $0 <= 1 ? nil : "must be in (0, 1] (got \($0))" }),
        .make(
            "distillTemperature", \.distillTemperature, .training, "T",
            "With --teacher: soften the teacher's mean probabilities p to p^(1/T), renormalised (softmax of log p / T; "
                + "T > 1 shows more of how the teacher ranks the wrong classes; default 1).",
            rule: { $0 >= 0.1 && $0 <= 100 ? nil : "must be between 0.1 and 100 (got \($0))" }),
        .make(
            "distillCopies", \.distillCopies, .training, "from",
            "With --teacher and --speed-perturb: what a speed-perturbed copy learns from, source (its clip's targets, the default) "
                + "or teacher (the teacher's probabilities of the copy itself, from its own features of the perturbed audio)."),
    ]

    /// The settings by key.
    public static let byKey: [String: Setting] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })

    /// The setting names, as in settings files and `hyperparameters.name`.
    public static var keys: [String] { all.map(\.key) }
}

extension RunSettings: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads every known key (defaults for those absent; unknown keys, such as an ensemble's
    /// `ensembleOf`, are ignored).
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming the key and the rule its value broke.
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: Key.self)
        for setting in Self.all where c.contains(Key(stringValue: setting.key)) {
            let value = try c.decode(JSONValue.self, forKey: Key(stringValue: setting.key))
            do {
                try setting.write(&self, value)
            } catch let error as SettingValueError {
                throw WorkbenchError.setting(setting.key, error.reason)
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for setting in Self.all {
            if let value = setting.read(self) { try c.encode(value, forKey: Key(stringValue: setting.key)) }
        }
    }
}

extension RunSettings {
    /// The settings as canonical JSON (sorted keys): `runs.config`.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Each setting as `name → JSON value text`, for the `hyperparameters` table.
    public func flattened() throws -> [String: String] {
        let data = try JSONEncoder().encode(self)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in object {
            let fragment = try JSONSerialization.data(
                withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
            out[key] = String(decoding: fragment, as: UTF8.self)
        }
        return out
    }

    /// These settings with `overrides` (JSON values by setting key) laid over them, in key
    /// order.
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming an unknown key or a value that
    ///   does not fit its setting, with `source`.
    public func merging(_ overrides: [String: JSONValue], source: SettingSource) throws -> RunSettings {
        var merged = self
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let setting = Self.byKey[key] else {
                throw WorkbenchError.setting(key, "unknown setting; known settings: \(Self.keys.joined(separator: ", "))", source: source)
            }
            do {
                try setting.write(&merged, value)
            } catch let error as SettingValueError {
                throw WorkbenchError.setting(key, error.reason, source: source)
            }
        }
        return merged
    }

    /// ``merging(_:source:)`` for a parsed settings file's values.
    public func merging(file values: [String: Any], path: String) throws -> RunSettings {
        var overrides: [String: JSONValue] = [:]
        for (key, value) in values {
            guard let json = JSONValue(any: value) else {
                throw WorkbenchError.setting(key, "has a value JSON cannot hold (\(value))", source: .configFile(path))
            }
            overrides[key] = json
        }
        return try merging(overrides, source: .configFile(path))
    }
}
