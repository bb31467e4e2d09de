import SERLinearAlgebra

extension FeatureExtractor {
    /// MFCC into `output` columns `0 ..< nMFCC`: mel power `[frames, nMels]` = power ×
    /// melᵀ (each triangle only over the bins where it is non-zero), `power_to_db` over the
    /// clip, then × DCTᵀ (BLAS).
    func computeMFCC(frames: Int, output: UnsafeMutablePointer<Float>, stride: Int) {
        let nMels = config.nMels
        if mel.count < frames * nMels { mel = [Float](repeating: 0, count: frames * nMels) }
        power.withUnsafeBufferPointer { p in
            melWeights.withUnsafeBufferPointer { w in
                mel.withUnsafeMutableBufferPointer { m in
                    guard let pBase = p.baseAddress, let wBase = w.baseAddress, let mBase = m.baseAddress else { return }
                    for t in 0..<frames {
                        let row = pBase + t * bins
                        for i in 0..<nMels {
                            let support = melSupport[i]
                            let weights = wBase + i * bins
                            var sum: Float = 0
                            for k in support { sum += row[k] * weights[k] }
                            mBase[t * nMels + i] = sum
                        }
                    }
                    Decibel.powerToDB(
                        UnsafeMutableBufferPointer(rebasing: m[0..<(frames * nMels)]),
                        ref: config.dbRef, amin: config.dbAmin, topDB: config.dbTopDB)
                    dct.withUnsafeBufferPointer { d in
                        guard let dBase = d.baseAddress else { return }
                        BLAS.sgemm(
                            transB: true, m: frames, n: config.nMFCC, k: nMels,
                            a: mBase, lda: nMels, b: dBase, ldb: nMels, c: output, ldc: stride)
                    }
                }
            }
        }
    }

    /// Chroma into `output` columns `0 ..< nChroma`: power × chromaᵀ, each frame divided by
    /// its maximum (frames whose maximum is below the smallest normal float stay as they
    /// are, as librosa's `normalize` leaves them). Returns the tuning used.
    func computeChroma(frames: Int, output: UnsafeMutablePointer<Float>, stride: Int) -> Double {
        let n = config.nChroma
        let tuning: Double
        let weights: [Float]
        if let fixed = fixedChroma, let fixedTuning = config.chromaTuning {
            tuning = fixedTuning
            weights = fixed
        } else {
            tuning = power.withUnsafeBufferPointer { p in
                TuningEstimator.estimate(
                    power: UnsafeBufferPointer(rebasing: p[0..<(frames * bins)]), frames: frames,
                    nFFT: config.nFFT, sampleRate: config.sampleRate, binsPerOctave: n,
                    resolution: config.tuningResolution, fMin: config.tuningFMin, fMax: config.tuningFMax,
                    threshold: config.tuningThreshold, pitches: &pitches, magnitudes: &pitchMagnitudes)
            }
            if let cached = chromaCache[tuning] {
                weights = cached
            } else {
                weights = ChromaFilterbank.weights(
                    sampleRate: config.sampleRate, nFFT: config.nFFT, nChroma: n, tuning: tuning,
                    ctroct: config.chromaCtroct, octwidth: config.chromaOctwidth, baseC: config.chromaBaseC)
                chromaCache[tuning] = weights
            }
        }
        power.withUnsafeBufferPointer { p in
            weights.withUnsafeBufferPointer { w in
                guard let pBase = p.baseAddress, let wBase = w.baseAddress else { return }
                BLAS.sgemm(
                    transB: true, m: frames, n: n, k: bins,
                    a: pBase, lda: bins, b: wBase, ldb: bins, c: output, ldc: stride)
            }
        }
        for t in 0..<frames {
            let row = output + t * stride
            var peak: Float = 0
            for c in 0..<n { peak = max(peak, abs(row[c])) }
            if peak < Float.leastNormalMagnitude { peak = 1 }
            for c in 0..<n { row[c] /= peak }
        }
        return tuning
    }
}
