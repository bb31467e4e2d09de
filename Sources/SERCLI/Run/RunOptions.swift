import ArgumentParser

/// The hyperparameter flags shared by `ser run` and `ser sweep`. Every flag is optional: an
/// absent flag keeps the value from `--config` or the default (see ``RunSettings``).
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Dataset NAME or NAME@VERSION (default: the only dataset).", valueName: "name"))
    var dataset: String?
    @Option(help: ArgumentHelp("Settings file: a JSON object of setting names and values; flags override it.", valueName: "file"))
    var config: String?
    @Option(help: ArgumentHelp("Preset the settings start from: seed (the default, faithful to the seed pipeline), best, or best-speaker (per-speaker normalisation; for `ser evaluate`).", valueName: "name"))
    var recipe: String?

    @Option(help: ArgumentHelp("Feature set, '+'-joined: mfccN, chroma, contrast, delta, delta2, rms, zcr (default mfcc40+chroma+contrast).", valueName: "spec"))
    var features: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Feature sample rate in Hz (default 22050).", valueName: "hz"))
    var sampleRate: Int?
    @Option(help: ArgumentHelp("Input normalisation: global, cmvn, speaker (per-speaker z-score first; transductive) or none (default global).", valueName: "method"))
    var normalization: String?

    @Option(help: ArgumentHelp("speaker (default), random or kfold:K.", valueName: "plan"))
    var split: String?
    @Option(help: ArgumentHelp("Test speakers for --split speaker, comma-separated (e.g. 15,16,17,18).", valueName: "ids"))
    var testSpeakers: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Fraction of speakers (or clips) held out for test when none are named (default 0.2).", valueName: "f"))
    var testFraction: Double?
    @Option(parsing: .unconditional, help: ArgumentHelp("Fraction of the training side held out for validation (default 0.1).", valueName: "f"))
    var validationFraction: Double?

    @Option(help: ArgumentHelp("LSTM layer sizes, bottom first (default 128,64).", valueName: "sizes"))
    var layers: String?
    @Option(help: ArgumentHelp("Bidirectional LSTM layers: true or false.", valueName: "bool"))
    var bidirectional: Bool?
    @Option(parsing: .unconditional, help: ArgumentHelp("Dropout before the dense head (default 0.3).", valueName: "p"))
    var dropout: Double?
    @Option(parsing: .unconditional, help: ArgumentHelp("Recurrent-input dropout (default 0).", valueName: "p"))
    var recurrentDropout: Double?
    @Option(help: ArgumentHelp("Hidden dense layer sizes (default 64; 'none' for none).", valueName: "sizes"))
    var dense: String?
    @Option(help: ArgumentHelp("Dense activation: relu, tanh or linear.", valueName: "name"))
    var activation: String?
    @Option(help: ArgumentHelp("Temporal pooling: last (default), mean or attention.", valueName: "name"))
    var pooling: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Frames per clip, truncated or padded (default 200).", valueName: "n"))
    var maxFrames: Int?
    @Option(help: ArgumentHelp("padded (seed default) or masked (each clip's real length).", valueName: "mode"))
    var sequence: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Epochs (default 30).", valueName: "n"))
    var epochs: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Batch size (default 32).", valueName: "n"))
    var batch: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Learning rate (default 1e-3).", valueName: "rate"))
    var lr: Double?
    @Option(help: ArgumentHelp("adam (default), adamw or sgd.", valueName: "name"))
    var optimizer: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Weight decay for adamw.", valueName: "w"))
    var weightDecay: Double?
    @Option(parsing: .unconditional, help: ArgumentHelp("Momentum for sgd (default 0.9).", valueName: "m"))
    var momentum: Double?
    @Option(parsing: .unconditional, help: ArgumentHelp("Gradient clipping by global norm (0 = off).", valueName: "norm"))
    var clipNorm: Double?
    @Option(help: ArgumentHelp("constant (default), cosine, plateau or step:EVERY:FACTOR.", valueName: "schedule"))
    var schedule: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Label smoothing ε (default 0).", valueName: "eps"))
    var labelSmoothing: Double?
    @Option(help: ArgumentHelp("none (default) or balanced.", valueName: "mode"))
    var classWeights: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Early-stopping patience in epochs (0 = off, the default).", valueName: "n"))
    var patience: Int?
    @Option(help: ArgumentHelp("Best-epoch metric: val_loss (default), val_acc or val_f1.", valueName: "metric"))
    var monitor: String?
    @Option(help: ArgumentHelp("Weights evaluated and exported: last (default, as the seed) or best (by --monitor).", valueName: "which"))
    var select: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Random seed (default 42).", valueName: "n"))
    var seed: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the split and folds only (default: --seed); the same split seed with other seeds trains other models on the same folds.", valueName: "n"))
    var splitSeed: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Training threads (default 2).", valueName: "n"))
    var threads: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("SpecAugment time masks per training clip (default 0).", valueName: "n"))
    var timeMasks: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Longest time mask, frames.", valueName: "frames"))
    var timeMaskWidth: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("SpecAugment feature masks per training clip (default 0).", valueName: "n"))
    var featureMasks: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Widest feature mask, dimensions.", valueName: "dims"))
    var featureMaskWidth: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Gaussian noise on normalised training features (std, default 0).", valueName: "std"))
    var featureNoise: Double?
    @Option(help: ArgumentHelp("Speed-perturbation factors for training clips, comma-separated (e.g. 0.9,1.1; default none): each epoch a clip is drawn from its original and its resampled copies.", valueName: "factors"))
    var speedPerturb: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Mixup α for training batches (e.g. 0.2; default 0 = off).", valueName: "alpha"))
    var mixup: Double?

    /// The settings: defaults ← recipe ← `--config` ← these flags.
    func resolve() throws -> RunSettings {
        let fromFile = try config.map { try ConfigFile.load(path: $0) } ?? [:]
        let name = recipe ?? (fromFile["recipe"] as? String) ?? Recipe.seed.rawValue
        guard let preset = Recipe(rawValue: name) else {
            throw RunSettingsError(flag: "--recipe", reason: "must be one of \(Recipe.allCases.map(\.rawValue).joined(separator: ", ")) (got \(name))")
        }
        var settings = try RunSettings().merging(preset.overrides, source: "--recipe \(name)")
        if let config { settings = try settings.merging(fromFile, source: "--config \(config)") }
        return try settings.merging(try overrides(), source: "flags")
    }

    /// The flags that were given, by setting name.
    func overrides() throws -> [String: Any] {
        var out: [String: Any] = [:]
        func set(_ key: String, _ value: Any?) { if let value { out[key] = value } }
        set("dataset", dataset)
        set("features", features)
        set("sampleRate", sampleRate)
        set("normalization", normalization)
        set("split", split)
        if let testSpeakers {
            out["testSpeakers"] = testSpeakers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        set("testFraction", testFraction)
        set("validationFraction", validationFraction)
        if let layers { out["layers"] = try Self.sizes(layers, flag: "--layers", allowNone: false) }
        set("bidirectional", bidirectional)
        set("dropout", dropout)
        set("recurrentDropout", recurrentDropout)
        if let dense { out["dense"] = try Self.sizes(dense, flag: "--dense", allowNone: true) }
        set("activation", activation)
        set("pooling", pooling)
        set("maxFrames", maxFrames)
        set("sequence", sequence)
        set("epochs", epochs)
        set("batch", batch)
        set("lr", lr)
        set("optimizer", optimizer)
        set("weightDecay", weightDecay)
        set("momentum", momentum)
        set("clipNorm", clipNorm)
        set("schedule", schedule)
        set("labelSmoothing", labelSmoothing)
        set("classWeights", classWeights)
        set("patience", patience)
        set("monitor", monitor)
        set("select", select)
        set("seed", seed)
        set("splitSeed", splitSeed)
        set("threads", threads)
        set("recipe", recipe)
        set("timeMasks", timeMasks)
        set("timeMaskWidth", timeMaskWidth)
        set("featureMasks", featureMasks)
        set("featureMaskWidth", featureMaskWidth)
        set("featureNoise", featureNoise)
        set("mixup", mixup)
        if let speedPerturb { out["speedPerturb"] = try Self.factors(speedPerturb, flag: "--speed-perturb") }
        for (key, value) in out.sorted(by: { $0.key < $1.key }) {
            let numbers = (value as? [Double]) ?? (value as? Double).map { [$0] } ?? []
            if let bad = numbers.first(where: { !$0.isFinite }) {
                throw RunSettingsError(flag: "--" + key.kebabCased, reason: "must be a finite number (got \(bad))")
            }
        }
        return out
    }

    /// `0.9,1.1` → `[0.9, 1.1]`; `none` → `[]`.
    static func factors(_ text: String, flag: String) throws -> [Double] {
        if text == "none" || text.isEmpty { return [] }
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap(Double.init)
        guard values.count == parts.count else {
            throw ValidationError("\(flag): expected comma-separated numbers such as 0.9,1.1 (got '\(text)')")
        }
        return values
    }

    /// `128,64` → `[128, 64]`; `none` → `[]` where allowed.
    static func sizes(_ text: String, flag: String, allowNone: Bool) throws -> [Int] {
        if allowNone && (text == "none" || text.isEmpty) { return [] }
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap(Int.init)
        guard !parts.isEmpty, values.count == parts.count else {
            throw ValidationError("\(flag): expected comma-separated whole numbers such as 128,64 (got '\(text)')")
        }
        return values
    }
}
