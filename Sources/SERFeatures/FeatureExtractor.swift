import SERCore
internal import SERKernels
import SERLinearAlgebra

/// Computes a clip's features for one ``FeatureConfig`` from a single STFT.
///
/// Build one extractor per thread and reuse it across clips: the filterbanks, the FFT plan
/// and the workspaces are made once and grown to the longest clip seen. An instance is not
/// thread-safe; separate instances are (FFTW plans are shared under a lock).
///
/// Matrix products go through OpenBLAS; when running one extractor per core, call
/// ``setMatrixThreads(_:)`` with 1 so OpenBLAS does not oversubscribe the cores.
public final class FeatureExtractor {
    /// The configuration this extractor computes.
    public let config: FeatureConfig
    /// Column names of every output, ``FeatureConfig/featureNames``.
    public let names: [String]

    let stft: STFT
    let bins: Int
    let melWeights: [Float]
    /// For each mel band, the FFT bins where its triangle is non-zero.
    let melSupport: [Range<Int>]
    let dct: [Float]
    let fixedChroma: [Float]?
    let contrast: SpectralContrast?
    let deltaCoefficients: [[Double]]
    let pitchTracker: PitchTracker?

    // Workspaces, grown on demand.
    var magnitude: [Float] = []
    var power: [Float] = []
    var mel: [Float] = []
    var pitches: [Float] = []
    var pitchMagnitudes: [Float] = []
    var medianScratch: [Float] = []
    var contrastScratch: [Float] = []
    /// Chroma filterbanks by tuning (estimated tunings take at most 1/resolution values).
    var chromaCache: [Double: [Float]] = [:]
    var contrastPeaks: [Double] = []
    var contrastValleys: [Double] = []

    /// Prepares filterbanks and the FFT for `config`.
    ///
    /// - Throws: ``FeatureError/invalidConfiguration(field:reason:)`` if the configuration is
    ///   out of range (see ``FeatureConfig/validate()``).
    public init(config: FeatureConfig = FeatureConfig()) throws(FeatureError) {
        try config.validate()
        self.config = config
        names = config.featureNames
        stft = try STFT(nFFT: config.nFFT, hop: config.hopLength)
        bins = config.nFFT / 2 + 1
        melWeights =
            config.needsMel
            ? MelFilterbank.weights(
                sampleRate: config.sampleRate, nFFT: config.nFFT, nMels: config.nMels,
                fMin: config.melFMin, fMax: config.effectiveMelFMax)
            : []
        let bins = self.bins
        melSupport = (0..<(config.needsMel ? config.nMels : 0)).map { [melWeights] i in
            let row = melWeights[(i * bins)..<((i + 1) * bins)]
            guard let first = row.firstIndex(where: { $0 != 0 }), let last = row.lastIndex(where: { $0 != 0 }) else {
                return 0..<0
            }
            return (first - i * bins)..<(last - i * bins + 1)
        }
        dct = DCT.orthonormalMatrix(count: config.nMFCC, length: config.nMels)
        if config.chroma, let tuning = config.chromaTuning {
            fixedChroma = Self.chromaWeights(config, tuning: tuning)
        } else {
            fixedChroma = nil
        }
        contrast =
            config.contrast
            ? try SpectralContrast(
                sampleRate: config.sampleRate, nFFT: config.nFFT, fMin: config.contrastFMin,
                bandCount: config.contrastBands, quantile: config.contrastQuantile)
            : nil
        deltaCoefficients = (0..<config.deltaOrder).map { Delta.coefficients(width: config.deltaWidth, order: $0 + 1) }
        pitchTracker =
            try config.pitch.map { pitch throws(FeatureError) in
                try PitchTracker(
                    config: pitch, sampleRate: config.sampleRate, frameLength: config.nFFT, hop: config.hopLength)
            }
    }

    /// Sets how many threads OpenBLAS uses for the extractor's matrix products (process-wide).
    /// Call with 1 when running one extractor per core.
    public static func setMatrixThreads(_ count: Int) {
        BLAS.setThreadCount(count)
    }

    private static func chromaWeights(_ config: FeatureConfig, tuning: Double) -> [Float] {
        ChromaFilterbank.weights(
            sampleRate: config.sampleRate, nFFT: config.nFFT, nChroma: config.nChroma, tuning: tuning,
            ctroct: config.chromaCtroct, octwidth: config.chromaOctwidth, baseC: config.chromaBaseC)
    }

    /// Extracts the features of one mono clip after checking its sample rate.
    ///
    /// - Parameters:
    ///   - mono: samples, any length ≥ 1.
    ///   - sampleRate: the samples' rate, Hz; must equal ``FeatureConfig/sampleRate``.
    /// - Returns: `[frames, dims]`, as ``extract(_:)``.
    /// - Throws: ``FeatureError/sampleRateMismatch(expected:got:)``, and what ``extract(_:)`` throws.
    public func extract(_ mono: [Float], sampleRate: Int) throws(FeatureError) -> FeatureTensor {
        guard sampleRate == config.sampleRate else {
            throw .sampleRateMismatch(expected: config.sampleRate, got: sampleRate)
        }
        return try extract(mono)
    }

    /// Extracts the features of one mono clip sampled at ``FeatureConfig/sampleRate``.
    ///
    /// - Parameter mono: samples, any length ≥ 1 (a clip shorter than `nFFT` still gives
    ///   `1 + count / hopLength` frames, as librosa's centred STFT does).
    /// - Returns: `[frames, dims]` with `frames = 1 + mono.count / hopLength`.
    /// - Throws: ``FeatureError/emptySignal``, ``FeatureError/nonFiniteSample(index:value:)``,
    ///   ``FeatureError/tooShortForDeltas(frames:width:)`` (deltas on with fewer frames than
    ///   `deltaWidth`).
    public func extract(_ mono: [Float]) throws(FeatureError) -> FeatureTensor {
        guard !mono.isEmpty else { throw .emptySignal }
        let bad = mono.withUnsafeBufferPointer { m in m.baseAddress.map { ser_first_nonfinite($0, m.count) } ?? -1 }
        if bad >= 0 {
            throw .nonFiniteSample(index: bad, value: mono[bad])
        }
        let frames = config.frameCount(samples: mono.count)
        if config.deltaOrder > 0, frames < config.deltaWidth {
            throw .tooShortForDeltas(frames: frames, width: config.deltaWidth)
        }
        let dims = names.count
        var out = Matrix(rows: frames, columns: dims)
        let cells = frames * bins
        if magnitude.count < cells {
            magnitude = [Float](repeating: 0, count: cells)
            power = [Float](repeating: 0, count: cells)
        }
        if config.needsMel, mel.count < frames * config.nMels {
            mel = [Float](repeating: 0, count: frames * config.nMels)
        }
        if let contrast {
            contrast.prepare(frames: frames, scratch: &contrastScratch, peaks: &contrastPeaks, valleys: &contrastValleys)
        }
        spectralPass(mono, frames: frames)
        var column = 0
        var tuning: Double?
        out.values.withUnsafeMutableBufferPointer { outBuffer in
            guard let o = outBuffer.baseAddress else { return }
            if config.needsMel {
                melToDecibels(frames: frames)
            }
            if config.nMFCC > 0 {
                finishMFCC(frames: frames, output: o, stride: dims)
                column += config.nMFCC
            }
            if config.chroma {
                tuning = computeChroma(frames: frames, output: o + column, stride: dims)
                column += config.nChroma
            }
            if let contrast {
                contrast.finish(
                    frames: frames, peaks: &contrastPeaks, valleys: &contrastValleys, output: o + column, stride: dims)
                column += contrast.count
            }
            for coefficients in deltaCoefficients {
                Delta.apply(
                    coefficients: coefficients, frames: frames, columns: config.nMFCC,
                    source: UnsafePointer(o), output: o + column, stride: dims)
                column += config.nMFCC
            }
            mono.withUnsafeBufferPointer { signal in
                if config.rms {
                    FrameStatistics.rms(
                        signal: signal, frames: frames, length: config.nFFT, hop: config.hopLength,
                        output: o + column, stride: dims)
                    column += 1
                }
                if config.zcr {
                    FrameStatistics.zeroCrossingRate(
                        signal: signal, frames: frames, length: config.nFFT, hop: config.hopLength,
                        output: o + column, stride: dims)
                    column += 1
                }
            }
            if config.logMel {
                copyLogMel(frames: frames, output: o + column, stride: dims)
                column += config.nMels
            }
            if let pitchTracker {
                mono.withUnsafeBufferPointer { signal in
                    pitchTracker.track(signal: signal, frames: frames, output: o + column, stride: dims)
                }
                column += 2
            }
        }
        return FeatureTensor(matrix: out, names: names, tuning: tuning)
    }

    /// The STFT of every frame into ``magnitude`` and ``power``, then one pass over the frames
    /// for each frame's mel row and contrast peaks and valleys. (Doing the latter right after
    /// each frame's FFT, while its spectrum is in L1, measured 2.5 % slower: FFTW's and the
    /// kernels' code then evict each other.)
    private func spectralPass(_ mono: [Float], frames: Int) {
        let wantsMel = config.needsMel
        let qMax = contrast?.maxQ ?? 0
        mono.withUnsafeBufferPointer { signal in
            magnitude.withUnsafeMutableBufferPointer { m in
                power.withUnsafeMutableBufferPointer { p in
                    mel.withUnsafeMutableBufferPointer { melBuffer in
                        melWeights.withUnsafeBufferPointer { w in
                            contrastScratch.withUnsafeMutableBufferPointer { scratch in
                                contrastPeaks.withUnsafeMutableBufferPointer { peaks in
                                    contrastValleys.withUnsafeMutableBufferPointer { valleys in
                                        guard let mBase = m.baseAddress, let pBase = p.baseAddress else { return }
                                        stft.compute(signal: signal, frames: frames, magnitude: mBase, power: pBase)
                                        for t in 0..<frames {
                                            let mRow = mBase + t * bins, pRow = pBase + t * bins
                                            if wantsMel, let melBase = melBuffer.baseAddress, let wBase = w.baseAddress {
                                                melFrame(t, row: pRow, mel: melBase, weights: wBase)
                                            }
                                            if let contrast, let lows = scratch.baseAddress,
                                                let pk = peaks.baseAddress, let vl = valleys.baseAddress
                                            {
                                                contrast.measure(
                                                    row: mRow, frame: t, frames: frames, lows: lows, highs: lows + qMax,
                                                    peaks: pk, valleys: vl)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
