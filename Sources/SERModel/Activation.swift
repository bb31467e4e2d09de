/// The element-wise activation of a hidden dense layer.
public enum Activation: String, Sendable, Hashable, Codable, CaseIterable {
    /// `max(0, x)`; derivative taken as 0 at `x = 0` (as Keras and PyTorch do).
    case relu
    /// `tanh(x)`.
    case tanh
    /// The identity.
    case linear
}
