public import SERCore

/// On-the-fly, seeded augmentation of normalised `[frames, dims]` training tensors, applied
/// afresh every epoch: SpecAugment-style time and feature masking (Park et al. 2019, "SpecAugment:
/// A Simple Data Augmentation Method for ASR") and additive Gaussian noise in feature space.
///
/// Deterministic: the masks of clip `i` in epoch `e` depend only on (seed, e, i), so a resumed
/// run sees exactly the augmentations an uninterrupted one would.
public struct Augmenter: Sendable, Hashable, Codable {
    /// Time masks per clip.
    public var timeMasks: Int
    /// Longest time mask, frames (each mask's width is uniform in 0…this).
    public var timeMaskWidth: Int
    /// Feature masks per clip.
    public var featureMasks: Int
    /// Widest feature mask, dimensions.
    public var featureMaskWidth: Int
    /// Standard deviation of the added noise, in normalised units (0 = none).
    public var noise: Double

    public init(timeMasks: Int = 0, timeMaskWidth: Int = 0, featureMasks: Int = 0, featureMaskWidth: Int = 0, noise: Double = 0) {
        self.timeMasks = timeMasks
        self.timeMaskWidth = timeMaskWidth
        self.featureMasks = featureMasks
        self.featureMaskWidth = featureMaskWidth
        self.noise = noise
    }

    /// Whether this augmenter changes anything.
    public var isActive: Bool {
        (timeMasks > 0 && timeMaskWidth > 0) || (featureMasks > 0 && featureMaskWidth > 0) || noise > 0
    }

    /// The augmented copy of `input` (clip `index` of the training set in `epoch`). Masked
    /// cells become 0, the mean of normalised features.
    public func augment(_ input: Matrix, seed: UInt64, epoch: Int, index: Int) -> Matrix {
        guard isActive, input.rows > 0 else { return input }
        var rng = SeededGenerator.forClip(seed: seed, salt: 0xA5A5_5A5A_C3C3_3C3C, epoch: epoch, index: index)
        var out = input
        let rows = input.rows, dims = input.columns
        func uniform(_ upper: Int) -> Int { upper > 0 ? Int(rng.next() % UInt64(upper + 1)) : 0 }
        for _ in 0..<timeMasks where timeMaskWidth > 0 {
            let width = min(uniform(timeMaskWidth), rows)
            let start = uniform(rows - width)
            for r in start..<(start + width) { for c in 0..<dims { out.values[r * dims + c] = 0 } }
        }
        for _ in 0..<featureMasks where featureMaskWidth > 0 {
            let width = min(uniform(featureMaskWidth), dims)
            let start = uniform(dims - width)
            for c in start..<(start + width) { for r in 0..<rows { out.values[r * dims + c] = 0 } }
        }
        if noise > 0 {
            for i in out.values.indices { out.values[i] += Float(noise * rng.nextGaussian()) }
        }
        return out
    }
}
