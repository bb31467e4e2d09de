public import SERCore

/// Training under the statistics an enrolment would give: each epoch, each training clip of a
/// per-speaker-normalised run is z-scored with the statistics of a few random clips of its
/// speaker (one of `draws` subsets of `clipsPerDraw` clips, fixed per run) instead of all of
/// them, so the model learns to expect the noisier statistics that `ser enroll` measures from
/// a new speaker's first clips.
///
/// The data a run trains on is already `x̂ = global(speaker(x))`: the speaker's z-score with
/// all its clips (`μ, σ` per dimension), then the run's global z-score (`gμ, gσ`). Swapping the
/// speaker's statistics for those of a subset is, per dimension, an affine map of `x̂`: with
/// `μ′, σ′` the subset's statistics measured on the speaker-normalised features `x_s`,
/// `global((x_s − μ′)/σ′) = a·x̂ + b` where `a = 1/σ′` and `b = (gμ − μ′ − σ′·gμ)/(σ′·gσ)`.
/// Deterministic like ``Augmenter``: the subset clip `index` uses in `epoch` depends only on
/// (seed, epoch, index).
public struct SimulatedEnrollment: Sendable {
    /// `a` and `b` of one subset, `[dims]` each.
    public struct Transform: Sendable, Hashable {
        public var scale: [Float]
        public var shift: [Float]
    }

    /// Subsets per speaker and copy; choice 0 keeps the full statistics, 1…`draws` a subset.
    public let draws: Int
    /// `transforms[clip][copy]`: the subsets of training clip `clip`'s speaker for copy `copy`
    /// (0 the original, `k` speed-perturbed copy `k`), or empty for a clip without a speaker.
    let transforms: [[[Transform]]]

    /// - Parameters:
    ///   - subsetStatistics: per speaker, per copy, per draw: the subset's mean and standard
    ///     deviation of the speaker-normalised features (a ``Normalizer`` fitted `.global`).
    ///   - speakerOfClip: the speaker index of each training clip (`nil`: left unchanged).
    ///   - global: the run's global normaliser, fitted on the speaker-normalised training set.
    public init(subsetStatistics: [[[Normalizer]]], speakerOfClip: [Int?], global: Normalizer) {
        draws = subsetStatistics.first?.first?.count ?? 0
        let perSpeaker = subsetStatistics.map { copies in
            copies.map { subsets in subsets.map { Self.transform(subset: $0, global: global) } }
        }
        transforms = speakerOfClip.map { speaker in speaker.map { perSpeaker[$0] } ?? [] }
    }

    static func transform(subset: Normalizer, global: Normalizer) -> Transform {
        let dims = subset.mean.count
        var scale = [Float](repeating: 1, count: dims), shift = [Float](repeating: 0, count: dims)
        for d in 0..<dims {
            let mu = subset.mean[d], sigma = subset.std[d]
            let gMu = d < global.mean.count ? global.mean[d] : 0, gSigma = d < global.std.count ? global.std[d] : 1
            scale[d] = 1 / sigma
            shift[d] = (gMu - mu - sigma * gMu) / (sigma * gSigma)
        }
        return Transform(scale: scale, shift: shift)
    }

    /// Clip `index` (its copy `copy`, already normalised) as normalised with the statistics of
    /// the subset this epoch draws for it; unchanged when the draw is the full statistics.
    public func apply(_ m: Matrix, index: Int, copy: Int, seed: UInt64, epoch: Int) -> Matrix {
        guard draws > 0, transforms.indices.contains(index), transforms[index].indices.contains(copy) else { return m }
        var rng = SeededGenerator.forClip(seed: seed, salt: 0xE0_4011_5EED_0001, epoch: epoch, index: index)
        let choice = Int(rng.next() % UInt64(draws + 1))
        guard choice > 0 else { return m }
        let t = transforms[index][copy][choice - 1]
        var out = m
        let dims = m.columns
        for r in 0..<m.rows {
            for c in 0..<dims where c < t.scale.count {
                out.values[r * dims + c] = t.scale[c] * m.values[r * dims + c] + t.shift[c]
            }
        }
        return out
    }
}
