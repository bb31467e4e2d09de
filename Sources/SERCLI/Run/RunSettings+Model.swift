import SERExperiment
import SERModel

/// Turning settings into the values the engine and the splitter take, with every invalid
/// value reported before any work starts.
extension RunSettings {
    /// Checks every setting that does not need the data.
    ///
    /// - Throws: ``RunSettingsError`` naming the flag.
    func validate() throws {
        func check(_ ok: Bool, _ flag: String, _ reason: String) throws {
            if !ok { throw RunSettingsError(flag: flag, reason: reason) }
        }
        try check(!layers.isEmpty, "--layers", "needs at least one LSTM layer (e.g. --layers 128,64)")
        try check(layers.allSatisfy { $0 > 0 && $0 <= 4096 }, "--layers", "layer sizes must be between 1 and 4096 (got \(layers))")
        try check(dense.allSatisfy { $0 > 0 && $0 <= 8192 }, "--dense", "dense sizes must be between 1 and 8192 (got \(dense))")
        try check(dropout >= 0 && dropout < 1, "--dropout", "must be in [0, 1) (got \(dropout))")
        try check(recurrentDropout >= 0 && recurrentDropout < 1, "--recurrent-dropout", "must be in [0, 1) (got \(recurrentDropout))")
        try check(epochs >= 1 && epochs <= 100_000, "--epochs", "must be between 1 and 100,000 (got \(epochs))")
        try check(batch >= 1 && batch <= 65_536, "--batch", "must be between 1 and 65,536 (got \(batch))")
        try check(lr > 0 && lr.isFinite && lr < 10, "--lr", "must be a positive learning rate below 10 (got \(lr))")
        try check(weightDecay >= 0, "--weight-decay", "must be ≥ 0 (got \(weightDecay))")
        try check(momentum >= 0 && momentum < 1, "--momentum", "must be in [0, 1) (got \(momentum))")
        try check(clipNorm >= 0, "--clip-norm", "must be ≥ 0 (0 = off; got \(clipNorm))")
        try check(labelSmoothing >= 0 && labelSmoothing < 1, "--label-smoothing", "must be in [0, 1) (got \(labelSmoothing))")
        try check(maxFrames >= 1 && maxFrames <= 100_000, "--max-frames", "must be between 1 and 100,000 (got \(maxFrames))")
        try check(sampleRate >= 1000 && sampleRate <= 384_000, "--sample-rate", "must be between 1000 and 384000 Hz (got \(sampleRate))")
        try check(testFraction > 0 && testFraction < 1, "--test-fraction", "must be between 0 and 1 (got \(testFraction))")
        try check(validationFraction >= 0 && validationFraction < 1, "--validation-fraction", "must be in [0, 1) (got \(validationFraction))")
        try check(patience >= 0, "--patience", "must be ≥ 0 (0 = off; got \(patience))")
        try check(threads >= 1 && threads <= 256, "--threads", "must be between 1 and 256 (got \(threads))")
        try check(["val_loss", "val_acc", "val_f1"].contains(monitor), "--monitor", "must be val_loss, val_acc or val_f1 (got \(monitor))")
        try check(["last", "best"].contains(select), "--select", "must be last or best (got \(select))")
        try check(["none", "balanced"].contains(classWeights), "--class-weights", "must be none or balanced (got \(classWeights))")
        try check(Activation(rawValue: activation) != nil, "--activation", "must be one of \(Activation.allCases.map(\.rawValue).joined(separator: ", ")) (got \(activation))")
        try check(Pooling(rawValue: pooling) != nil, "--pooling", "must be one of \(Pooling.allCases.map(\.rawValue).joined(separator: ", ")) (got \(pooling))")
        try check(SequenceMode(rawValue: sequence) != nil, "--sequence", "must be padded or masked (got \(sequence))")
        try check(normalization == "speaker" || Normalizer.Method(name: normalization) != nil, "--normalization",
                  "must be global, cmvn, speaker or none (got \(normalization))")
        try check(timeMasks >= 0 && timeMaskWidth >= 0, "--time-masks", "mask counts and widths must be ≥ 0")
        try check(featureMasks >= 0 && featureMaskWidth >= 0, "--feature-masks", "mask counts and widths must be ≥ 0")
        try check(featureNoise >= 0 && featureNoise < 10, "--feature-noise", "must be in [0, 10) (got \(featureNoise))")
        try check(mixup >= 0 && mixup <= 100, "--mixup", "α must be in [0, 100] (0 = off; got \(mixup))")
        try check(speedPerturb.allSatisfy { $0.isFinite && (0.5...2).contains($0) && $0 != 1 }, "--speed-perturb",
                  "factors must be in 0.5...2 and not 1 (got \(speedPerturb.map(\.description).joined(separator: ",")))")
        try check(Set(speedPerturb).count == speedPerturb.count, "--speed-perturb", "lists a factor twice (\(speedPerturb.map(\.description).joined(separator: ",")))")
        try check(Recipe(rawValue: recipe) != nil, "--recipe", "must be one of \(Recipe.allCases.map(\.rawValue).joined(separator: ", ")) (got \(recipe))")
        _ = try optimizerConfig()
        _ = try learningRateSchedule()
        _ = try splitPlan()
    }

    /// The split plan of `--split`.
    func splitPlan() throws -> SplitPlan {
        switch split {
        case "speaker": return .speaker(testSpeakers: testSpeakers, testFraction: testFraction)
        case "random": return .random(testFraction: testFraction)
        default:
            if split.hasPrefix("kfold:"), let k = Int(split.dropFirst(6)), k >= 2, k <= 100 { return .kfold(k: k) }
            throw RunSettingsError(flag: "--split", reason: "must be speaker, random or kfold:K with 2 ≤ K ≤ 100 (got \(split))")
        }
    }

    /// The optimizer of `--optimizer`, `--lr`, `--weight-decay`, `--momentum`.
    func optimizerConfig() throws -> OptimizerConfig {
        let kind: OptimizerConfig.Kind
        switch optimizer.lowercased() {
        case "adam": kind = .adam
        case "adamw": kind = .adamW
        case "sgd": kind = .sgd
        default: throw RunSettingsError(flag: "--optimizer", reason: "must be adam, adamw or sgd (got \(optimizer))")
        }
        return OptimizerConfig(kind: kind, learningRate: Float(lr), weightDecay: Float(weightDecay), momentum: kind == .sgd ? Float(momentum) : 0)
    }

    /// The schedule of `--schedule`.
    func learningRateSchedule() throws -> LearningRateSchedule {
        let parts = schedule.split(separator: ":").map(String.init)
        switch parts.first ?? "" {
        case "constant" where parts.count == 1: return .constant
        case "cosine" where parts.count == 1: return .cosine(epochs: epochs, minRate: Float(lr) * 0.01)
        case "plateau" where parts.count == 1: return .reduceOnPlateau(factor: 0.5, patience: 3, minDelta: 1e-4, minRate: Float(lr) * 0.01)
        case "step" where parts.count == 3:
            if let every = Int(parts[1]), every > 0, let factor = Float(parts[2]), factor > 0, factor <= 1 {
                return .step(every: every, factor: factor)
            }
        default: break
        }
        throw RunSettingsError(flag: "--schedule", reason: "must be constant, cosine, plateau or step:EVERY:FACTOR (got \(schedule))")
    }

    /// The engine's configuration for `inputDims` features and `classCount` classes.
    func modelConfig(inputDims: Int, classCount: Int, classWeights weights: [Float]?) throws -> ModelConfig {
        ModelConfig(
            inputDims: inputDims, classCount: classCount, lstmUnits: layers, bidirectional: bidirectional,
            recurrentDropout: Float(recurrentDropout), dropout: Float(dropout), denseUnits: dense,
            activation: Activation(rawValue: activation) ?? .relu, pooling: Pooling(rawValue: pooling) ?? .last,
            maxFrames: maxFrames, sequenceMode: SequenceMode(rawValue: sequence) ?? .padded,
            optimizer: try optimizerConfig(), clipNorm: clipNorm > 0 ? Float(clipNorm) : nil,
            schedule: try learningRateSchedule(), labelSmoothing: Float(labelSmoothing),
            classWeights: weights, mixup: Float(mixup), batchSize: batch, seed: UInt64(truncatingIfNeeded: seed))
    }
}

extension RunSettings {
    /// The training-time augmentation these settings ask for.
    var augmenter: Augmenter {
        Augmenter(timeMasks: timeMasks, timeMaskWidth: timeMaskWidth, featureMasks: featureMasks,
                  featureMaskWidth: featureMaskWidth, noise: featureNoise)
    }
}

extension Normalizer.Method {
    /// `global`, `cmvn`, `none` as typed on the command line.
    init?(name: String) {
        switch name {
        case "global", "global-zscore": self = .global
        case "cmvn", "utterance": self = .utterance
        case "none": self = .none
        default: return nil
        }
    }
}
