/// What one training epoch did.
public struct EpochResult: Sendable, Hashable, Codable {
    /// Index of the epoch just trained (0-based).
    public var epoch: Int
    /// Mean training loss over the epoch's clips: `Σ w_y·CE / N` with dropout active
    /// (class weights and label smoothing included).
    public var loss: Double
    /// Fraction of training clips whose argmax prediction was right (dropout active).
    public var accuracy: Double
    /// Learning rate used for this epoch.
    public var learningRate: Float
    /// Global gradient norm of the epoch's last batch before clipping.
    public var lastGradientNorm: Double
}
