extension ModelConfig {
    /// This configuration with the settings that only training reads at their defaults:
    /// seed, optimizer, gradient clipping, schedule, label smoothing, class weights, mixup and
    /// head dropout. ``Trainer/evaluate(_:)``'s probabilities (dropout off) depend on none of
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
        config.dropout = defaults.dropout
        return config
    }
}
