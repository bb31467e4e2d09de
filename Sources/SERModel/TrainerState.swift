/// Everything besides the weights that a resumed run needs to continue bit-identically:
/// epochs done, optimizer moments and step, the shuffling/dropout RNG and the plateau
/// schedule's bookkeeping. `Codable` (store it as JSON or as BLOBs of `optimizer.first`/`second`).
public struct TrainerState: Sendable, Hashable, Codable {
    /// Epochs completed.
    public var epoch: Int
    /// Optimizer moments and step count.
    public var optimizer: OptimizerState
    /// The training RNG's four xoshiro256** words.
    public var rngState: [UInt64]
    /// Reduce-on-plateau: best validation loss seen, epochs since it improved, accumulated
    /// learning-rate factor.
    public var plateauBest: Double?
    public var plateauWait: Int
    public var plateauScale: Float

    /// A state; checked by ``Trainer/restore(_:)``.
    public init(
        epoch: Int, optimizer: OptimizerState, rngState: [UInt64], plateauBest: Double?, plateauWait: Int,
        plateauScale: Float
    ) {
        self.epoch = epoch
        self.optimizer = optimizer
        self.rngState = rngState
        self.plateauBest = plateauBest
        self.plateauWait = plateauWait
        self.plateauScale = plateauScale
    }
}
