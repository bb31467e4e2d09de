extension FeatureConfig {
    /// The recipe whose columns include every column of each of `configs`, when they differ
    /// only in which columns they compute (``nMFCC``, ``chroma``, ``contrast``,
    /// ``deltaOrder``, ``rms``, ``zcr``, ``logMel``, whether ``pitch`` is on): those are
    /// combined (largest count, any flag on, the one pitch configuration), everything else
    /// must be equal. A column's values do not depend on which other
    /// columns are on (each comes from the same STFT and its own parameters; the first `k` of
    /// an orthonormal DCT's rows do not depend on how many are kept), so a model of any of
    /// `configs` reads its own columns, by name, out of the union's.
    ///
    /// - Returns: `nil` for no configuration, or when two differ in anything else
    ///   (sample rate, STFT, mel or chroma parameters, speed factor, …).
    public static func columnUnion(_ configs: [FeatureConfig]) -> FeatureConfig? {
        guard var union = configs.first else { return nil }
        for config in configs.dropFirst() {
            var aligned = config
            aligned.nMFCC = union.nMFCC
            aligned.chroma = union.chroma
            aligned.contrast = union.contrast
            aligned.deltaOrder = union.deltaOrder
            aligned.rms = union.rms
            aligned.zcr = union.zcr
            aligned.logMel = union.logMel
            // Pitch columns are shared when both compute them the same way.
            if union.pitch == nil || config.pitch == nil { aligned.pitch = union.pitch }
            guard aligned == union else { return nil }
            union.nMFCC = max(union.nMFCC, config.nMFCC)
            union.chroma = union.chroma || config.chroma
            union.contrast = union.contrast || config.contrast
            union.deltaOrder = max(union.deltaOrder, config.deltaOrder)
            union.rms = union.rms || config.rms
            union.zcr = union.zcr || config.zcr
            union.logMel = union.logMel || config.logMel
            union.pitch = union.pitch ?? config.pitch
        }
        return union
    }

    /// Where each of this recipe's columns sits in `other`'s columns (by name), or `nil` when
    /// `other` lacks one of them.
    public func columns(in other: FeatureConfig) -> [Int]? {
        let index = Dictionary(other.featureNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Int] = []
        for name in featureNames {
            guard let i = index[name] else { return nil }
            out.append(i)
        }
        return out
    }
}
