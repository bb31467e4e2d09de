/// A float32 tensor with a name and a shape, as stored in `checkpoint_tensors`.
public struct NamedTensor: Sendable, Hashable, Codable {
    /// e.g. `lstm.0.kernel`, `adam.m.lstm.0.kernel`.
    public var name: String
    /// Dimensions, outermost first; the product equals `values.count`.
    public var shape: [Int]
    /// Row-major values.
    public var values: [Float]

    public init(name: String, shape: [Int], values: [Float]) {
        self.name = name
        self.shape = shape
        self.values = values
    }
}
