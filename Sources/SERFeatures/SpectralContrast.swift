internal import SERKernels

/// Spectral contrast as `librosa.feature.spectral_contrast` computes it (Jiang et al. 2002).
///
/// Bands on the FFT magnitude spectrogram: band 0 is `[0, fmin]` Hz, band `k` (1 ≤ k ≤ n)
/// is `[fmin·2^(k−1), fmin·2^k]` widened by one bin below, and the last band also takes
/// every bin above up to Nyquist; every band but the last drops its top bin. In each frame
/// and band, the mean of the `q = max(1, rint(quantile · bandBins))` smallest magnitudes is
/// the valley and the mean of the `q` largest the peak. The output is
/// `power_to_db(peak) − power_to_db(valley)` in dB, each `power_to_db` with ref 1,
/// amin 1e-10 and top_db 80 over the whole clip (librosa applies the power dB formula to
/// magnitudes).
struct SpectralContrast {
    /// One band: rows `start ..< end` of the spectrum, `q` values averaged at each end.
    struct Band: Equatable {
        var start: Int
        var end: Int
        var q: Int
    }

    let bands: [Band]

    /// - Throws: ``FeatureError/invalidConfiguration(field:reason:)`` when a band holds no
    ///   FFT bin (a very short FFT) or reaches Nyquist.
    init(sampleRate: Int, nFFT: Int, fMin: Double, bandCount: Int, quantile: Double) throws(FeatureError) {
        let bins = nFFT / 2 + 1
        let freqs = (0..<bins).map { MelFilterbank.binFrequency($0, sampleRate: sampleRate, nFFT: nFFT) }
        var octa = [0.0]
        for i in 0...bandCount { octa.append(fMin * Double(1 << min(i, 60))) }
        var bands: [Band] = []
        for k in 0...bandCount {
            let low = octa[k], high = octa[k + 1]
            guard let first = freqs.firstIndex(where: { $0 >= low && $0 <= high }),
                let last = freqs.lastIndex(where: { $0 >= low && $0 <= high })
            else {
                throw .invalidConfiguration(
                    field: "contrastFMin", reason: "contrast band \(k) (\(low)–\(high) Hz) holds no FFT bin at nFFT \(nFFT)")
            }
            var lo = first, hi = last
            if k > 0 { lo = max(0, first - 1) }
            if k == bandCount { hi = bins - 1 }
            let selected = hi - lo + 1
            let end = k < bandCount ? hi : hi + 1
            let q = max(1, Int((quantile * Double(selected)).rounded(.toNearestOrEven)))
            guard end > lo else {
                throw .invalidConfiguration(field: "contrastFMin", reason: "contrast band \(k) is empty at nFFT \(nFFT)")
            }
            bands.append(Band(start: lo, end: end, q: q))
        }
        self.bands = bands
    }

    /// Number of output values per frame (`bandCount + 1`).
    var count: Int { bands.count }

    /// Largest `q` of any band: ``measure(row:frame:frames:lows:highs:peaks:valleys:)``
    /// needs two workspaces of this many floats. Use: ``prepare(frames:scratch:peaks:valleys:)``,
    /// then ``measure(row:frame:frames:lows:highs:peaks:valleys:)`` for every frame, then
    /// ``finish(frames:peaks:valleys:output:stride:)``.
    var maxQ: Int { bands.map(\.q).max() ?? 1 }

    /// Sizes the workspaces for a clip of `frames` frames: `scratch` ≥ `2·maxQ` floats,
    /// `peaks` and `valleys` `[bands, frames]`.
    func prepare(frames: Int, scratch: inout [Float], peaks: inout [Double], valleys: inout [Double]) {
        let cells = bands.count * frames
        if peaks.count != cells {
            peaks = [Double](repeating: 0, count: cells)
            valleys = [Double](repeating: 0, count: cells)
        }
        if scratch.count < 2 * maxQ { scratch = [Float](repeating: 0, count: 2 * maxQ) }
    }

    /// Peak and valley magnitudes of one frame's spectrum `row` (`bins` values) into
    /// `peaks[b * frames + t]` and `valleys[b * frames + t]`; `lows` and `highs` are
    /// workspaces of ``maxQ`` floats each.
    func measure(
        row: UnsafePointer<Float>, frame t: Int, frames: Int,
        lows: UnsafeMutablePointer<Float>, highs: UnsafeMutablePointer<Float>,
        peaks: UnsafeMutablePointer<Double>, valleys: UnsafeMutablePointer<Double>
    ) {
        for (b, band) in bands.enumerated() {
            let q = min(band.q, band.end - band.start)
            // The q smallest and the q largest values, each sorted ascending: the same
            // multisets, in the same order, as the ends of numpy's sort along frequency
            // (magnitudes are ≥ +0, so equal values are identical bits). Two vector
            // passes per band in SERKernels instead of a sort.
            ser_select_smallest(row + band.start, band.end - band.start, q, lows)
            ser_select_largest(row + band.start, band.end - band.start, q, highs)
            // numpy's float32 mean over those rows: sequential float32 sum / q.
            var low: Float = 0
            var high: Float = 0
            for i in 0..<q {
                low += lows[i]
                high += highs[i]
            }
            valleys[b * frames + t] = Double(low / Float(q))
            peaks[b * frames + t] = Double(high / Float(q))
        }
    }

    /// Converts the measured peaks and valleys to dB over the clip and writes their
    /// difference for frame `t`, band `b` at `output[t * stride + b]`.
    func finish(frames: Int, peaks: inout [Double], valleys: inout [Double], output: UnsafeMutablePointer<Float>, stride: Int) {
        let n = bands.count
        Decibel.powerToDB(&peaks, ref: 1, amin: 1e-10, topDB: 80)
        Decibel.powerToDB(&valleys, ref: 1, amin: 1e-10, topDB: 80)
        for t in 0..<frames {
            for b in 0..<n {
                output[t * stride + b] = Float(peaks[b * frames + t] - valleys[b * frames + t])
            }
        }
    }
}
