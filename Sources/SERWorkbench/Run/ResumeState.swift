public import SERModel

/// What a `last` checkpoint's `state` JSON holds besides tensors: the trainer's state with its
/// optimizer moments moved out into tensors (`optimizer.first`, `optimizer.second`), and the
/// early-stopping bookkeeping.
public struct ResumeState: Codable {
    public var epoch: Int
    public var optimizerStep: Int
    public var rngState: [UInt64]
    public var plateauBest: Double?
    public var plateauWait: Int
    public var plateauScale: Float
    public var earlyStopping: EarlyStopping
    public var stoppedEarly: Bool
}
