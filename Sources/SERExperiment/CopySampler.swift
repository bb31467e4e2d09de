import SERCore

/// Which copy of each training clip an epoch uses when a clip has several (its original and
/// speed-perturbed copies): uniform over the `copies` choices, seeded, new every epoch.
///
/// Deterministic like ``Augmenter``: the choice for clip `index` in `epoch` depends only on
/// (seed, epoch, index), so a resumed run draws what an uninterrupted one would.
public struct CopySampler: Sendable, Hashable {
    /// Number of copies per clip, the original included (≥ 1).
    public let copies: Int

    public init(copies: Int) {
        self.copies = max(1, copies)
    }

    /// The copy of clip `index` in `epoch`: `0` (the original) ..< ``copies``.
    public func choice(seed: UInt64, epoch: Int, index: Int) -> Int {
        guard copies > 1 else { return 0 }
        var rng = SeededGenerator.forClip(seed: seed, salt: 0x5EED_C0DE_0F0F_F0F0, epoch: epoch, index: index)
        return Int(rng.next() % UInt64(copies))
    }
}
