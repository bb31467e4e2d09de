public import SERExperiment
public import SERModel

/// Turning settings into the values the engine and the splitter take, with every invalid
/// value reported before any work starts.
extension RunSettings {
    /// Checks every setting's rule (and those that involve two settings).
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming the first key at fault.
    public func validate() throws {
        for setting in Self.all {
            if let reason = setting.check(self) { throw WorkbenchError.setting(setting.key, reason) }
        }
        if simulateEnrollment > 0 && normalization != .speaker {
            throw WorkbenchError.setting(
                "simulateEnrollment", "needs --normalization speaker (it replaces per-speaker statistics; got \(normalization))")
        }
    }

    /// The split plan of `split`.
    public func splitPlan() -> SplitPlan {
        switch split {
        case .speaker: .speaker(testSpeakers: testSpeakers, testFraction: testFraction)
        case .random: .random(testFraction: testFraction)
        case .kfold(let k): .kfold(k: k)
        }
    }

    /// The number of models one run of these settings trains (k for k-fold, else 1).
    public var modelsPerRun: Int {
        if case .kfold(let k) = split { return k }
        return 1
    }

    /// The optimizer of `optimizer`, `lr`, `weightDecay`, `momentum`, `ema`.
    public func optimizerConfig() -> OptimizerConfig {
        let kind: OptimizerConfig.Kind =
            switch optimizer {
            case .adam: .adam
            case .adamw: .adamW
            case .sgd: .sgd
            }
        return OptimizerConfig(
            kind: kind, learningRate: Float(lr), weightDecay: Float(weightDecay), momentum: kind == .sgd ? Float(momentum) : 0,
            emaMomentum: ema > 0 ? Float(ema) : nil)
    }

    /// The schedule of `schedule`.
    public func learningRateSchedule() -> LearningRateSchedule {
        switch schedule {
        case .constant: .constant
        case .cosine: .cosine(epochs: epochs, minRate: Float(lr) * 0.01)
        case .plateau: .reduceOnPlateau(factor: 0.5, patience: 3, minDelta: 1e-4, minRate: Float(lr) * 0.01)
        case .step(let every, let factor): .step(every: every, factor: factor)
        }
    }

    /// The engine's configuration for `inputDims` features and `classCount` classes.
    public func modelConfig(inputDims: Int, classCount: Int, classWeights weights: [Float]?) -> ModelConfig {
        ModelConfig(
            inputDims: inputDims, classCount: classCount, convChannels: conv, convKernel: convKernel, lstmUnits: layers,
            bidirectional: bidirectional,
            recurrentDropout: Float(recurrentDropout), dropout: Float(dropout), denseUnits: dense,
            activation: activation, pooling: pooling, maxFrames: maxFrames, sequenceMode: sequence,
            optimizer: optimizerConfig(), clipNorm: clipNorm > 0 ? Float(clipNorm) : nil,
            schedule: learningRateSchedule(), labelSmoothing: Float(labelSmoothing),
            classWeights: weights, mixup: Float(mixup), distillation: teacher == nil ? nil : Float(distill), batchSize: batch,
            seed: UInt64(truncatingIfNeeded: seed))
    }

    /// The training-time augmentation these settings ask for.
    public var augmenter: Augmenter {
        Augmenter(
            timeMasks: timeMasks, timeMaskWidth: timeMaskWidth, featureMasks: featureMasks,
            featureMaskWidth: featureMaskWidth, noise: featureNoise)
    }

    /// The normaliser method fitted on the training split (`speaker` runs fit a global
    /// z-score on top of their per-speaker step).
    public var normalizerMethod: Normalizer.Method { Self.normalizerMethod(of: normalization) }

    /// The normaliser method of a `normalization` choice.
    public static func normalizerMethod(of normalization: NormalizationChoice) -> Normalizer.Method {
        switch normalization {
        case .global, .speaker: .global
        case .cmvn: .utterance
        case .none: .none
        }
    }
}
