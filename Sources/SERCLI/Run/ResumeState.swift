import SERModel

/// What a `last` checkpoint's `state` JSON holds besides tensors: the trainer's state with its
/// optimizer moments moved out into tensors (`optimizer.first`, `optimizer.second`), and the
/// early-stopping bookkeeping.
struct ResumeState: Codable {
    var epoch: Int
    var optimizerStep: Int
    var rngState: [UInt64]
    var plateauBest: Double?
    var plateauWait: Int
    var plateauScale: Float
    var earlyStopping: EarlyStopping
    var stoppedEarly: Bool
}
