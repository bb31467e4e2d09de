extension FeatureConfig {
    /// Checks that every field is in range and names an implemented algorithm.
    ///
    /// - Throws: ``FeatureError/invalidConfiguration(field:reason:)`` naming the first bad field.
    public func validate() throws(FeatureError) {
        func bad(_ field: String, _ reason: String) -> FeatureError {
            .invalidConfiguration(field: field, reason: reason)
        }
        let nyquist = Double(sampleRate) / 2
        guard algorithmVersion == 1 else { throw bad("algorithmVersion", "only version 1 is implemented") }
        guard sampleRate > 0 else { throw bad("sampleRate", "must be positive (Hz), got \(sampleRate)") }
        if let speedFactor {
            guard speedFactor.isFinite, (0.5...2).contains(speedFactor) else {
                throw bad("speedFactor", "must be in 0.5...2, got \(speedFactor)")
            }
        }
        guard resampler == "soxr_hq" else { throw bad("resampler", "only \"soxr_hq\" is supported") }
        guard nFFT >= 16, nFFT % 2 == 0, nFFT <= 1 << 20 else {
            throw bad("nFFT", "must be even and in 16...1048576, got \(nFFT)")
        }
        guard hopLength > 0 else { throw bad("hopLength", "must be positive, got \(hopLength)") }
        guard window == "hann" else { throw bad("window", "only \"hann\" is supported") }
        guard center else { throw bad("center", "only centred frames are supported") }
        guard padMode == "constant" else { throw bad("padMode", "only \"constant\" is supported") }
        guard nMels > 0 else { throw bad("nMels", "must be positive") }
        guard melFMin.isFinite, melFMin >= 0, effectiveMelFMax.isFinite, effectiveMelFMax > melFMin else {
            throw bad("melFMax", "need 0 ≤ melFMin < melFMax (Hz)")
        }
        guard melScale == "slaney" else { throw bad("melScale", "only \"slaney\" is supported") }
        guard melNorm == "slaney" else { throw bad("melNorm", "only \"slaney\" is supported") }
        guard dbRef.isFinite, dbRef > 0 else { throw bad("dbRef", "must be positive") }
        guard dbAmin.isFinite, dbAmin > 0 else { throw bad("dbAmin", "must be positive") }
        if let dbTopDB { guard dbTopDB.isFinite, dbTopDB >= 0 else { throw bad("dbTopDB", "must be ≥ 0") } }
        guard nMFCC >= 0, nMFCC <= nMels else { throw bad("nMFCC", "must be in 0...nMels") }
        if chroma {
            guard nChroma > 0 else { throw bad("nChroma", "must be positive") }
            if let chromaTuning { guard chromaTuning.isFinite else { throw bad("chromaTuning", "must be finite") } }
            guard tuningResolution > 0, tuningResolution < 1 else { throw bad("tuningResolution", "must be in (0, 1)") }
            guard tuningFMin >= 0, tuningFMax > tuningFMin else { throw bad("tuningFMax", "need 0 ≤ fmin < fmax") }
            guard tuningThreshold.isFinite, tuningThreshold >= 0 else { throw bad("tuningThreshold", "must be ≥ 0") }
            guard chromaCtroct.isFinite else { throw bad("chromaCtroct", "must be finite") }
            if let chromaOctwidth { guard chromaOctwidth > 0 else { throw bad("chromaOctwidth", "must be positive") } }
            guard chromaNorm == "inf" else { throw bad("chromaNorm", "only \"inf\" is supported") }
        }
        if contrast {
            guard contrastBands >= 1 else { throw bad("contrastBands", "must be ≥ 1") }
            guard contrastFMin > 0 else { throw bad("contrastFMin", "must be positive (Hz)") }
            guard contrastQuantile > 0, contrastQuantile < 1 else { throw bad("contrastQuantile", "must be in (0, 1)") }
            let topLowEdge = contrastFMin * Double(1 << min(contrastBands - 1, 60))
            guard topLowEdge < nyquist else {
                throw bad(
                    "contrastBands", "band edge \(topLowEdge) Hz reaches Nyquist (\(nyquist) Hz); reduce contrastFMin or contrastBands")
            }
        }
        guard (0...2).contains(deltaOrder) else { throw bad("deltaOrder", "must be 0, 1 or 2") }
        guard deltaOrder == 0 || nMFCC > 0 else { throw bad("deltaOrder", "deltas need MFCCs (nMFCC > 0)") }
        guard deltaWidth >= 3, deltaWidth % 2 == 1 else { throw bad("deltaWidth", "must be odd and ≥ 3") }
        if let pitch {
            // librosa's __check_yin_params, plus a threshold that can be met.
            guard pitch.fMin.isFinite, pitch.fMin > 0 else {
                throw bad("pitch.fMin", "must be positive (Hz), got \(pitch.fMin)")
            }
            guard pitch.fMax.isFinite, pitch.fMax > pitch.fMin, pitch.fMax <= nyquist else {
                throw bad("pitch.fMax", "must be above fMin (\(pitch.fMin) Hz) and at most Nyquist (\(nyquist) Hz), got \(pitch.fMax)")
            }
            guard Double(sampleRate) / pitch.fMin < Double(nFFT - 1) else {
                throw bad(
                    "pitch.fMin",
                    "a period of fMin (\(sampleRate) / \(pitch.fMin) samples) must fit in one frame of nFFT − 1 = \(nFFT - 1) samples; raise fMin above \(Double(sampleRate) / Double(nFFT - 1)) Hz"
                )
            }
            guard pitch.maxPeriod(sampleRate: sampleRate, frameLength: nFFT) - pitch.minPeriod(sampleRate: sampleRate) >= 2 else {
                throw bad("pitch.fMax", "fMin…fMax spans fewer than 3 periods in samples; widen the range")
            }
            guard pitch.troughThreshold.isFinite, pitch.troughThreshold > 0 else {
                throw bad("pitch.troughThreshold", "must be positive, got \(pitch.troughThreshold)")
            }
        }
        guard dims > 0 else { throw bad("dims", "no feature is enabled") }
    }
}
