internal import SERKernels

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Per-clip tuning estimate as `librosa.estimate_tuning(S=power, sr, bins_per_octave=n)`.
///
/// 1. `piptrack`: in each frame, bins in `[fMin, fMax)` Hz that are local maxima of the
///    spectrum after zeroing values ≤ `threshold ×` the frame's maximum; each gives a pitch
///    `(k + shift)·sr/nFFT` (parabolic interpolation) and a magnitude `S[k] + ½·∇S[k]·shift`.
/// 2. Keep pitches whose magnitude is at least the median magnitude (`numpy.median`:
///    the float32 mean of the middle pair for an even count; found by quickselect).
/// 3. Residual of each pitch from the nearest bin, `n·log2(f/27.5) mod 1` folded into
///    [−0.5, 0.5); histogram with `resolution`-wide bins on [−0.5, 0.5]; the left edge of the
///    fullest bin (first on ties) is the tuning, in fractions of a bin. No peaks (e.g.
///    silence) gives 0.
///
/// Arithmetic follows librosa's dtypes (float32 where its arrays are float32) so the
/// histogram rarely differs by a count from librosa's.
enum TuningEstimator {
    /// - Parameters:
    ///   - power: `[frames, bins]` power spectrogram, `bins = nFFT/2 + 1`.
    /// - Returns: tuning in fractions of a bin, in [−0.5, 0.5).
    static func estimate(
        power: UnsafeBufferPointer<Float>, frames: Int, nFFT: Int, sampleRate: Int,
        binsPerOctave: Int, resolution: Double, fMin: Double, fMax: Double, threshold: Double,
        pitches: inout [Float], magnitudes: inout [Float], medianScratch: inout [Float]
    ) -> Double {
        let bins = nFFT / 2 + 1
        let upper = min(fMax, Double(sampleRate) / 2)
        let lower = max(fMin, 0)
        var kLow = bins, kHigh = -1
        for k in 0..<bins {
            let f = MelFilterbank.binFrequency(k, sampleRate: sampleRate, nFFT: nFFT)
            if lower <= f, f < upper {
                kLow = min(kLow, k)
                kHigh = max(kHigh, k)
            }
        }
        pitches.removeAll(keepingCapacity: true)
        magnitudes.removeAll(keepingCapacity: true)
        let relative = Float(threshold)
        if kLow <= kHigh {
            for t in 0..<frames {
                let s = power.baseAddress.map { $0 + t * bins }
                guard let s else { break }
                let frameMax = ser_max(s, bins)
                let ref = relative * frameMax
                // S·(S > ref), rolled along k: previous, current, next.
                var left: Float = kLow > 0 ? (s[kLow - 1] > ref ? s[kLow - 1] : 0) : (s[kLow] > ref ? s[kLow] : 0)
                var v: Float = s[kLow] > ref ? s[kLow] : 0
                for k in kLow...kHigh {
                    let right: Float = k < bins - 1 ? (s[k + 1] > ref ? s[k + 1] : 0) : v
                    defer {
                        left = v
                        v = right
                    }
                    guard v > left, v >= right else { continue }
                    // Parabolic shift (librosa's numba stencil computes a and b in float64);
                    // 0 at the first and last bins.
                    var shift: Float = 0
                    if k > 0, k < bins - 1 {
                        let a = Double(s[k + 1] + s[k - 1]) - 2 * Double(s[k])
                        let b = Double(s[k + 1] - s[k - 1]) / 2
                        shift = abs(b) >= abs(a) ? 0 : Float(-b / a)
                    }
                    // np.gradient along frequency: central inside, one-sided at the ends.
                    let gradient: Float
                    if k == 0 {
                        gradient = s[1] - s[0]
                    } else if k == bins - 1 {
                        gradient = s[k] - s[k - 1]
                    } else {
                        gradient = (s[k + 1] - s[k - 1]) / 2
                    }
                    let skew = 0.5 * gradient * shift
                    pitches.append(Float((Double(k) + Double(shift)) * Double(sampleRate) / Double(nFFT)))
                    magnitudes.append(s[k] + skew)
                }
            }
        }
        guard !pitches.isEmpty else { return 0 }
        var cut: Float = 0
        medianScratch.removeAll(keepingCapacity: true)
        medianScratch.append(contentsOf: magnitudes)
        medianScratch.withUnsafeMutableBufferPointer { m in
            if let base = m.baseAddress { cut = ser_median(base, m.count) }
        }
        // Residuals in float32, as numpy computes them from float32 pitches.
        let n = Float(binsPerOctave)
        let edgeCount = Int((1.0 / resolution).rounded(.up)) + 1
        let binCount = edgeCount - 1
        let stepEdge = 1.0 / Double(edgeCount - 1)
        var edges = (0..<edgeCount).map { Double($0) * stepEdge + -0.5 }
        edges[edgeCount - 1] = 0.5
        var counts = [Int](repeating: 0, count: binCount)
        for i in pitches.indices where magnitudes[i] >= cut && pitches[i] > 0 {
            let octs = log2f(pitches[i] / Float(27.5))
            var residual = fmodf(n * octs, 1)
            if residual < 0 { residual += 1 }
            if residual >= 0.5 { residual -= 1 }
            let r = Double(residual)
            guard r >= edges[0], r <= edges[binCount] else { continue }
            // Bin j holds edges[j] <= r < edges[j+1]; the last bin also holds its right edge.
            var j = min(Int((r - edges[0]) / stepEdge), binCount - 1)
            while j > 0, r < edges[j] { j -= 1 }
            while j < binCount - 1, r >= edges[j + 1] { j += 1 }
            counts[j] += 1
        }
        var best = 0
        for j in 1..<binCount where counts[j] > counts[best] { best = j }
        return counts[best] == 0 ? 0 : edges[best]
    }
}
