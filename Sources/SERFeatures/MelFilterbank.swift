#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Mel filterbank as `librosa.filters.mel(htk=False, norm='slaney')` builds it.
///
/// Triangles on the Slaney mel scale (linear below 1 kHz: `mel = 3f/200`; logarithmic above:
/// `mel = 15 + 27·ln(f/1000)/ln 6.4`), `nMels + 2` edges equally spaced in mel between
/// `fMin` and `fMax`, each triangle scaled by `2 / (f[i+2] − f[i])` (Hz) so filters have
/// equal area. Computed in double precision, stored as float32 like librosa.
enum MelFilterbank {
    /// Hz → Slaney mel.
    static func hzToMel(_ hz: Double) -> Double {
        let fSp = 200.0 / 3
        let minLogHz = 1000.0
        let minLogMel = minLogHz / fSp
        let logStep = log(6.4) / 27.0
        return hz >= minLogHz ? minLogMel + log(hz / minLogHz) / logStep : hz / fSp
    }

    /// Slaney mel → Hz.
    static func melToHz(_ mel: Double) -> Double {
        let fSp = 200.0 / 3
        let minLogHz = 1000.0
        let minLogMel = minLogHz / fSp
        let logStep = log(6.4) / 27.0
        return mel >= minLogMel ? minLogHz * exp(logStep * (mel - minLogMel)) : fSp * mel
    }

    /// Centre frequency of FFT bin `k`, Hz, as `numpy.fft.rfftfreq(nFFT, 1/sr)` computes it.
    static func binFrequency(_ k: Int, sampleRate: Int, nFFT: Int) -> Double {
        Double(k) * (1.0 / (Double(nFFT) * (1.0 / Double(sampleRate))))
    }

    /// The weights, `[nMels, nFFT/2 + 1]` row-major.
    static func weights(sampleRate: Int, nFFT: Int, nMels: Int, fMin: Double, fMax: Double) -> [Float] {
        let bins = nFFT / 2 + 1
        let minMel = hzToMel(fMin)
        let maxMel = hzToMel(fMax)
        let count = nMels + 2
        let step = (maxMel - minMel) / Double(count - 1)
        var edges = (0..<count).map { melToHz(Double($0) * step + minMel) }
        edges[count - 1] = melToHz(maxMel)
        let freqs = (0..<bins).map { binFrequency($0, sampleRate: sampleRate, nFFT: nFFT) }
        var out = [Float](repeating: 0, count: nMels * bins)
        for i in 0..<nMels {
            let lowerWidth = edges[i + 1] - edges[i]
            let upperWidth = edges[i + 2] - edges[i + 1]
            let enorm = 2.0 / (edges[i + 2] - edges[i])
            for k in 0..<bins {
                let lower = -(edges[i] - freqs[k]) / lowerWidth
                let upper = (edges[i + 2] - freqs[k]) / upperWidth
                out[i * bins + k] = Float(max(0, min(lower, upper)) * enorm)
            }
        }
        return out
    }
}
