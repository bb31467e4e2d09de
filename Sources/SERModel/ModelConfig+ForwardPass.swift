extension ModelConfig {
    /// This configuration with the settings that only training reads at their defaults:
    /// seed, optimizer, gradient clipping, schedule, label smoothing, class weights, mixup,
    /// distillation and head dropout. ``Trainer/evaluate(_:)``'s probabilities (dropout off) depend on none of
    /// them, so models that differ only there share one engine for prediction. The batch
    /// size (how clips are grouped) and recurrent dropout (it shapes the LSTM workspaces)
    /// are kept.
    public var forwardPass: ModelConfig {
        var config = self
        let defaults = ModelConfig(inputDims: inputDims, classCount: classCount)
        config.seed = defaults.seed
        config.optimizer = defaults.optimizer
        config.clipNorm = defaults.clipNorm
        config.schedule = defaults.schedule
        config.labelSmoothing = defaults.labelSmoothing
        config.classWeights = defaults.classWeights
        config.mixup = defaults.mixup
        config.distillation = defaults.distillation
        config.dropout = defaults.dropout
        return config
    }

    /// This configuration evaluating at most `clips` clips at a time: the batch size cut to
    /// `min(batchSize, clips)` (at least 1). Up to `clips` clips form the same single chunk
    /// either way, so the probabilities are the same, for a workspace that many clips wide.
    public func sized(toClips clips: Int) -> ModelConfig {
        var config = self
        config.batchSize = max(1, min(batchSize, clips))
        return config
    }
}
