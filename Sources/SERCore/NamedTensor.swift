/// One named weight tensor: float32 values in row-major order of `shape`.
///
/// The unit of weight exchange between the model, the store (`checkpoint_tensors`) and
/// `ser export` (see `docs/WEIGHTS.md`).
/// `values.count` equals the product of `shape`.
public struct NamedTensor: Sendable, Hashable, Codable {
    /// Stable name, e.g. `lstm.0.kernel`.
    public var name: String
    /// Shape, outermost first, e.g. `[59, 512]`.
    public var shape: [Int]
    /// `shape.reduce(1, *)` values, row-major.
    public var values: [Float]

    /// A tensor; no check that `values` fits `shape` (consumers such as the model's `setWeights` check).
    public init(name: String, shape: [Int], values: [Float]) {
        self.name = name
        self.shape = shape
        self.values = values
    }
}
