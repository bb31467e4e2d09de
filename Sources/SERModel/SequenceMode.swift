/// How clips of different lengths are batched.
public enum SequenceMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Each clip runs over its real frames only (truncated to `maxFrames`); the recurrence
    /// stops at the clip's end and `last` pooling takes the state at its last real frame.
    case masked
    /// Every clip is truncated or zero-padded at the end to exactly `maxFrames` frames and all
    /// frames run through the network, as a Keras model without a `Masking` layer does.
    case padded
}
