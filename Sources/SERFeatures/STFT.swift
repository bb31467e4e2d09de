internal import SERKernels

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The centred short-time Fourier transform as `librosa.stft` computes it by default, reduced
/// to magnitudes and powers.
///
/// Frame `t` (0 ≤ t < `1 + n / hop`) holds samples `t·hop − nFFT/2 ..< t·hop + nFFT/2` of the
/// signal, zero outside it (`center=True`, `pad_mode='constant'`), times a periodic Hann window
/// `w[j] = 0.5 − 0.5·cos(2πj/nFFT)`. Outputs are time-major `[frames, bins]` with
/// `bins = nFFT/2 + 1` (bin `k` at `k·sr/nFFT` Hz).
///
/// Numerics follow librosa's: the window is double, the product and the FFT are computed in
/// double, each coefficient is rounded to complex64, and `|X|` is taken in float32.
struct STFT {
    let nFFT: Int
    let hop: Int
    let window: [Double]
    private let fft: RealFFT

    /// Frequency bins per frame, `nFFT/2 + 1`.
    var bins: Int { nFFT / 2 + 1 }

    init(nFFT: Int, hop: Int) throws(FeatureError) {
        self.nFFT = nFFT
        self.hop = hop
        self.fft = try RealFFT(size: nFFT)
        window = (0..<nFFT).map { j in 0.5 - 0.5 * cos(2 * Double.pi * Double(j) / Double(nFFT)) }
    }

    /// Computes `|X|` and `|X|²` for every frame.
    ///
    /// - Parameters:
    ///   - signal: mono samples (non-empty).
    ///   - frames: `1 + signal.count / hop`.
    ///   - magnitude: `[frames, bins]` output, `|X[t, k]|` (float32, as `np.abs` of complex64).
    ///   - power: `[frames, bins]` output, `|X[t, k]|²`.
    func compute(
        signal: UnsafeBufferPointer<Float>, frames: Int,
        magnitude: UnsafeMutablePointer<Float>, power: UnsafeMutablePointer<Float>
    ) {
        for t in 0..<frames {
            frame(t, signal: signal, magnitude: magnitude + t * bins, power: power + t * bins)
        }
    }

    /// Computes frame `t` alone: `bins` values of `|X[t, ·]|` into `magnitude` and of
    /// `|X[t, ·]|²` into `power`.
    func frame(
        _ t: Int, signal: UnsafeBufferPointer<Float>,
        magnitude: UnsafeMutablePointer<Float>, power: UnsafeMutablePointer<Float>
    ) {
        let n = signal.count
        let half = nFFT / 2
        let input = fft.input
        let start = t * hop - half
        let lo = max(0, -start)
        let hi = min(nFFT, n - start)
        if lo > 0 { for j in 0..<min(lo, nFFT) { input[j] = 0 } }
        if hi < nFFT { for j in max(hi, 0)..<nFFT { input[j] = 0 } }
        window.withUnsafeBufferPointer { w in
            if lo < hi, let wBase = w.baseAddress, let x = signal.baseAddress, let inBase = input.baseAddress {
                ser_window_double(wBase + lo, x + start + lo, inBase + lo, hi - lo)
            }
        }
        fft.execute()
        // Round to complex64, then |·| in double (correctly rounded to float32).
        if let spectrum = fft.output.baseAddress {
            ser_magnitude_power(spectrum, bins, magnitude, power)
        }
    }
}
