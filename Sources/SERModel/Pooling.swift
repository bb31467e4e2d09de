/// How the top LSTM's output sequence `[T, F]` becomes one vector `[F]` per clip
/// (`F` = hidden size, or twice it when bidirectional).
public enum Pooling: String, Sendable, Hashable, Codable, CaseIterable {
    /// The state after the clip's last real frame (Keras `return_sequences=False`). For a
    /// bidirectional layer: the forward half at the last frame, the backward half at frame 0.
    case last
    /// The mean of the outputs over the clip's real frames.
    case mean
    /// Attention pooling: `α = softmax_t(h_t · w)` over real frames, output `Σ α_t h_t`; adds
    /// one parameter `attention.kernel [F]`.
    case attention
    /// Statistics pooling (as in x-vector speaker embeddings): the mean and the standard
    /// deviation of the outputs over the clip's real frames, `[μ | σ]` with
    /// `σ = √(Σ(h−μ)²/L + 1e-5)`: twice the top layer's width.
    case stats
}
