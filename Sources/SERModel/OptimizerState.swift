/// The optimizer's whole state, enough to resume bit-identically.
///
/// `first` is Adam's first moment `m` (or SGD's velocity), `second` Adam's second moment `v`
/// (empty for SGD), `average` the weights' moving average (empty without
/// ``OptimizerConfig/emaMomentum``); all are flat float32 vectors in the weights' order (see
/// `docs/WEIGHTS.md`).
public struct OptimizerState: Sendable, Hashable, Codable {
    /// Number of updates applied so far (Adam's `t`).
    public var step: Int
    /// First moment or velocity, one value per parameter.
    public var first: [Float]
    /// Second moment, one value per parameter (Adam/AdamW), else empty.
    public var second: [Float]
    /// The weights' exponential moving average, one value per parameter, else empty.
    public var average: [Float]

    /// A state; shapes are checked by ``Trainer/restore(_:)``.
    public init(step: Int, first: [Float], second: [Float], average: [Float] = []) {
        self.step = step
        self.first = first
        self.second = second
        self.average = average
    }

    private enum CodingKeys: String, CodingKey {
        case step, first, second, average
    }

    /// Decodes a state; `average` may be absent (states saved before it existed).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        step = try c.decode(Int.self, forKey: .step)
        first = try c.decode([Float].self, forKey: .first)
        second = try c.decode([Float].self, forKey: .second)
        average = try c.decodeIfPresent([Float].self, forKey: .average) ?? []
    }
}
