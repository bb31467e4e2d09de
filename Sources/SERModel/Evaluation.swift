public import SERCore

/// The network's outputs on a dataset, in the dataset's order, dropout off.
public struct Evaluation: Sendable {
    /// Mean cross-entropy over the clips (label smoothing included, class weights not, as
    /// Keras `evaluate`); `nil` for unlabelled data.
    public var loss: Double?
    /// Accuracy in [0, 1]; `nil` for unlabelled data.
    public var accuracy: Double?
    /// Argmax class per clip.
    public var predictions: [Int]
    /// Softmax probabilities `[N, C]`, row-major.
    public var probabilities: Matrix
}
