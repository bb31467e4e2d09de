/// What `ser run/sweep --queue` uploads of the feature tensors its runs train on.
public enum QueueFeatures: String, Sendable, CaseIterable {
    /// Compute the missing tensors here first (as a local run would), then upload them all:
    /// workers need no audio.
    case compute
    /// Upload the tensors already cached here; workers compute the rest from the audio.
    case cached
    /// Upload none; workers compute every tensor from the audio at the recorded paths.
    case none
}
