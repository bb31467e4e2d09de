#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Chroma filterbank as `librosa.filters.chroma` builds it.
///
/// Each FFT bin's frequency becomes a fractional chroma bin `n·log2(f / (27.5·2^(tuning/n)))`
/// (the DC bin is placed 1.5 octaves below bin 1); every chroma row is a Gaussian bump of
/// width two FFT-bin spacings (at least one chroma bin) around that position, wrapped to the
/// octave; columns are L2-normalised, then weighted by a Gaussian over octaves centred at
/// `ctroct` with width `octwidth`, and rows rotated so row 0 is C (`baseC`). Computed in
/// double, stored as float32.
enum ChromaFilterbank {
    /// Python's `%` (result has the divisor's sign), as `numpy.remainder`.
    private static func pythonMod(_ a: Double, _ b: Double) -> Double {
        var r = fmod(a, b)
        if r != 0, (r < 0) != (b < 0) { r += b }
        return r
    }

    /// The weights, `[nChroma, nFFT/2 + 1]` row-major.
    ///
    /// - Parameters:
    ///   - tuning: offset from A440 in fractions of a chroma bin (e.g. 0.3 = 30 cents for 12 bins).
    static func weights(
        sampleRate: Int, nFFT: Int, nChroma: Int, tuning: Double,
        ctroct: Double, octwidth: Double?, baseC: Bool
    ) -> [Float] {
        let n = Double(nChroma)
        let a440 = 440.0 * pow(2.0, tuning / n)
        let reference = a440 / 16
        let step = Double(sampleRate) / Double(nFFT)
        // frqbins for FFT bins 0..<nFFT (the full circle, later cut to nFFT/2 + 1).
        var frqbins = [Double](repeating: 0, count: nFFT)
        for k in 1..<nFFT {
            frqbins[k] = n * log2(Double(k) * step / reference)
        }
        frqbins[0] = frqbins[1] - 1.5 * n
        var binWidth = [Double](repeating: 1, count: nFFT)
        for k in 0..<(nFFT - 1) { binWidth[k] = max(frqbins[k + 1] - frqbins[k], 1.0) }
        let half = (n / 2).rounded(.toNearestOrEven)
        let bins = nFFT / 2 + 1
        var raw = [Double](repeating: 0, count: nChroma * bins)
        for k in 0..<bins {
            var sumSquares = 0.0
            for c in 0..<nChroma {
                let d = pythonMod(frqbins[k] - Double(c) + half + 10 * n, n) - half
                let x = 2 * d / binWidth[k]
                let w = exp(-0.5 * x * x)
                raw[c * bins + k] = w
                sumSquares += w * w
            }
            var length = sumSquares.squareRoot()
            if length < Double.leastNormalMagnitude { length = 1 }
            var octave = 1.0
            if let octwidth {
                let z = (frqbins[k] / n - ctroct) / octwidth
                octave = exp(-0.5 * z * z)
            }
            for c in 0..<nChroma { raw[c * bins + k] = raw[c * bins + k] / length * octave }
        }
        let shift = baseC ? 3 * (nChroma / 12) : 0
        var out = [Float](repeating: 0, count: nChroma * bins)
        for c in 0..<nChroma {
            let source = (c + shift) % nChroma
            for k in 0..<bins { out[c * bins + k] = Float(raw[source * bins + k]) }
        }
        return out
    }
}
