extension ModelConfig {
    /// Decodes a configuration: `inputDims` and `classCount` are required, every other key
    /// takes the seed model's default when missing.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var d = ModelConfig(
            inputDims: try c.decode(Int.self, forKey: .inputDims),
            classCount: try c.decode(Int.self, forKey: .classCount))
        d.convChannels = try c.decodeIfPresent([Int].self, forKey: .convChannels) ?? d.convChannels
        d.convKernel = try c.decodeIfPresent(Int.self, forKey: .convKernel) ?? d.convKernel
        d.convActivation = try c.decodeIfPresent(Activation.self, forKey: .convActivation) ?? d.convActivation
        d.lstmUnits = try c.decodeIfPresent([Int].self, forKey: .lstmUnits) ?? d.lstmUnits
        d.bidirectional = try c.decodeIfPresent(Bool.self, forKey: .bidirectional) ?? d.bidirectional
        d.recurrentDropout = try c.decodeIfPresent(Float.self, forKey: .recurrentDropout) ?? d.recurrentDropout
        d.dropout = try c.decodeIfPresent(Float.self, forKey: .dropout) ?? d.dropout
        d.denseUnits = try c.decodeIfPresent([Int].self, forKey: .denseUnits) ?? d.denseUnits
        d.activation = try c.decodeIfPresent(Activation.self, forKey: .activation) ?? d.activation
        d.pooling = try c.decodeIfPresent(Pooling.self, forKey: .pooling) ?? d.pooling
        d.maxFrames = try c.decodeIfPresent(Int.self, forKey: .maxFrames) ?? d.maxFrames
        d.sequenceMode = try c.decodeIfPresent(SequenceMode.self, forKey: .sequenceMode) ?? d.sequenceMode
        d.optimizer = try c.decodeIfPresent(OptimizerConfig.self, forKey: .optimizer) ?? d.optimizer
        d.clipNorm = try c.decodeIfPresent(Float.self, forKey: .clipNorm)
        d.schedule = try c.decodeIfPresent(LearningRateSchedule.self, forKey: .schedule) ?? d.schedule
        d.labelSmoothing = try c.decodeIfPresent(Float.self, forKey: .labelSmoothing) ?? d.labelSmoothing
        d.classWeights = try c.decodeIfPresent([Float].self, forKey: .classWeights)
        d.mixup = try c.decodeIfPresent(Float.self, forKey: .mixup) ?? d.mixup
        d.distillation = try c.decodeIfPresent(Float.self, forKey: .distillation)
        d.batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? d.batchSize
        d.seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        self = d
    }
}
