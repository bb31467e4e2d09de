/// The optimizer's whole state, enough to resume bit-identically.
///
/// `first` is Adam's first moment `m` (or SGD's velocity), `second` Adam's second moment `v`
/// (empty for SGD); both are flat float32 vectors in the weights' order (see `docs/WEIGHTS.md`).
public struct OptimizerState: Sendable, Hashable, Codable {
    /// Number of updates applied so far (Adam's `t`).
    public var step: Int
    /// First moment or velocity, one value per parameter.
    public var first: [Float]
    /// Second moment, one value per parameter (Adam/AdamW), else empty.
    public var second: [Float]

    /// A state; shapes are checked by ``Trainer/restore(_:)``.
    public init(step: Int, first: [Float], second: [Float]) {
        self.step = step
        self.first = first
        self.second = second
    }
}
