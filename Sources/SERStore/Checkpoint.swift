public import SERCore

/// A saved model state: the weights (and, for `last`, the optimizer moments) with what
/// resuming needs besides tensors.
public struct Checkpoint: Sendable, Equatable {
    /// `best` (restored at the end, exported) or `last` (for `--resume`).
    public enum Kind: String, Sendable, Codable { case best, last }

    public var kind: Kind
    /// The epoch whose end this state is (0 = before training).
    public var epoch: Int
    /// Output index → label.
    public var classes: [String]
    /// JSON text: RNG state, schedule and early-stopping state, …
    public var state: String
    /// In a stable order (it becomes `ordinal`).
    public var tensors: [NamedTensor]

    public init(kind: Kind, epoch: Int, classes: [String], state: String = "{}", tensors: [NamedTensor]) {
        self.kind = kind
        self.epoch = epoch
        self.classes = classes
        self.state = state
        self.tensors = tensors
    }
}
