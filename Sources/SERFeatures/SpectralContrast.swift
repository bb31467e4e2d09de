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

    /// Writes the contrast (dB) of every frame.
    ///
    /// - Parameters:
    ///   - magnitude: `[frames, bins]` magnitude spectrogram.
    ///   - output: receives value `(t, b)` at `output[t * stride + b]`.
    ///   - scratch, peaks, valleys: reusable workspaces (resized here).
    func compute(
        magnitude: UnsafeBufferPointer<Float>, frames: Int, bins: Int,
        output: UnsafeMutablePointer<Float>, stride: Int,
        scratch: inout [Float], peaks: inout [Double], valleys: inout [Double]
    ) {
        let n = bands.count
        peaks = [Double](repeating: 0, count: n * frames)
        valleys = [Double](repeating: 0, count: n * frames)
        let qMax = bands.map(\.q).max() ?? 1
        if scratch.count < 2 * qMax { scratch = [Float](repeating: 0, count: 2 * qMax) }
        scratch.withUnsafeMutableBufferPointer { work in
            guard let lows = work.baseAddress else { return }
            let highs = lows + qMax
            for t in 0..<frames {
                let row = magnitude.baseAddress.map { $0 + t * bins }
                guard let row else { return }
                for (b, band) in bands.enumerated() {
                    let q = min(band.q, band.end - band.start)
                    // The q smallest and q largest values, each kept sorted ascending: the same
                    // values, in the same order, as the ends of numpy's sort along frequency.
                    // The q smallest values, kept sorted ascending: seeded with the band's
                    // last q values, then scanning down in frequency (speech spectra mostly
                    // fall with frequency, so few later values displace one). The result is
                    // the same multiset, in the same order, as the head of numpy's sort.
                    for i in 0..<q {
                        let v = row[band.end - 1 - i]
                        var j = i
                        while j > 0, lows[j - 1] > v { lows[j] = lows[j - 1]; j -= 1 }
                        lows[j] = v
                    }
                    var lowMax = lows[q - 1]
                    var k = band.end - 1 - q
                    while k >= band.start {
                        let v = row[k]
                        k -= 1
                        guard v < lowMax else { continue }
                        var j = q - 1
                        while j > 0, lows[j - 1] > v { lows[j] = lows[j - 1]; j -= 1 }
                        lows[j] = v
                        lowMax = lows[q - 1]
                    }
                    // The q largest, sorted ascending, scanning up from the band's first q.
                    for i in 0..<q {
                        let v = row[band.start + i]
                        var j = i
                        while j > 0, highs[j - 1] > v { highs[j] = highs[j - 1]; j -= 1 }
                        highs[j] = v
                    }
                    var highMin = highs[0]
                    k = band.start + q
                    while k < band.end {
                        let v = row[k]
                        k += 1
                        guard v > highMin else { continue }
                        var j = 0
                        while j < q - 1, highs[j + 1] < v { highs[j] = highs[j + 1]; j += 1 }
                        highs[j] = v
                        highMin = highs[0]
                    }
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
        }
        Decibel.powerToDB(&peaks, ref: 1, amin: 1e-10, topDB: 80)
        Decibel.powerToDB(&valleys, ref: 1, amin: 1e-10, topDB: 80)
        for t in 0..<frames {
            for b in 0..<n {
                output[t * stride + b] = Float(peaks[b * frames + t] - valleys[b * frames + t])
            }
        }
    }
}
