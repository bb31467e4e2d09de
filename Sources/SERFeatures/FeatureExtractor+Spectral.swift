internal import SERKernels
import SERLinearAlgebra

extension FeatureExtractor {
    // Per-frame parts (mel, contrast measurement) run in one pass over the spectrogram;
    // per-clip parts (dB over the clip, DCT, tuning, chroma) after it.

    /// Mel power of frame `t` into `mel[t * nMels ..< (t + 1) * nMels]`: the frame's power
    /// spectrum `row` (`bins` values) × melᵀ, each triangle only over the bins where it is
    /// non-zero. `mel` must hold `[frames, nMels]`.
    func melFrame(_ t: Int, row: UnsafePointer<Float>, mel: UnsafeMutablePointer<Float>, weights: UnsafePointer<Float>) {
        let nMels = config.nMels
        for i in 0..<nMels {
            let support = melSupport[i]
            mel[t * nMels + i] = ser_dot(row + support.lowerBound, weights + i * bins + support.lowerBound, support.count)
        }
    }

    /// The mel power `[frames, nMels]` that ``melFrame(_:row:mel:weights:)`` filled, in
    /// place to `power_to_db` over the clip: the log-mel spectrogram.
    func melToDecibels(frames: Int) {
        mel.withUnsafeMutableBufferPointer { m in
            Decibel.powerToDB(
                UnsafeMutableBufferPointer(rebasing: m[0..<(frames * config.nMels)]),
                ref: config.dbRef, amin: config.dbAmin, topDB: config.dbTopDB)
        }
    }

    /// MFCC into `output` columns `0 ..< nMFCC`: the log-mel spectrogram
    /// (``melToDecibels(frames:)``) × DCTᵀ (BLAS).
    func finishMFCC(frames: Int, output: UnsafeMutablePointer<Float>, stride: Int) {
        let nMels = config.nMels
        mel.withUnsafeBufferPointer { m in
            guard let mBase = m.baseAddress else { return }
            dct.withUnsafeBufferPointer { d in
                guard let dBase = d.baseAddress else { return }
                BLAS.sgemm(
                    transB: true, m: frames, n: config.nMFCC, k: nMels,
                    a: mBase, lda: nMels, b: dBase, ldb: nMels, c: output, ldc: stride)
            }
        }
    }

    /// The log-mel spectrogram (``melToDecibels(frames:)``) into `output` columns
    /// `0 ..< nMels`.
    func copyLogMel(frames: Int, output: UnsafeMutablePointer<Float>, stride: Int) {
        let nMels = config.nMels
        mel.withUnsafeBufferPointer { m in
            guard let mBase = m.baseAddress else { return }
            for t in 0..<frames {
                (output + t * stride).update(from: mBase + t * nMels, count: nMels)
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
                    threshold: config.tuningThreshold, pitches: &pitches, magnitudes: &pitchMagnitudes,
                    medianScratch: &medianScratch)
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
