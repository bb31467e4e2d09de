import Foundation

/// YIN pitch tracking as `librosa.yin(y, fmin=, fmax=, sr=, frame_length=nFFT,
/// hop_length=hop)` computes it (de Cheveigné & Kawahara 2002), in double precision, plus
/// the cumulative mean normalised difference at the chosen period (YIN's aperiodicity).
///
/// Per frame of `frameLength` samples centred on `t·hop` (zero padding outside the signal):
/// 1. the autocorrelation `r(k)` for lags `0…maxPeriod`, through FFTs of
///    ``transformSize(atLeast:)`` `frameLength + maxPeriod` points (no circular wrap at
///    those lags, as `librosa.autocorrelate`);
/// 2. librosa's difference `d(k) = 2·(r(0) − r(k)) − Σ_{m<k} x(m)²`, `d(0) = 0`, except
///    `d(1) = 2·(r(0) − r(1))`: librosa zeroes the energy sum's first entry (as `d(0)`)
///    before it subtracts the sums, so `x(0)²` is never subtracted;
/// 3. `d′(τ) = d(τ) / (mean(d(1…τ)) + tiny)` for `τ = minPeriod…maxPeriod`;
/// 4. the first local minimum of `d′` below the threshold (`d′[0]` counts when it is below
///    `d′[1]`; the last lag never does), else the global minimum (first of equals);
/// 5. the period refined by the parabola through its neighbours (`−b/a`, 0 when `|b| ≥ |a|`
///    or at either end), F0 = `sampleRate / period`.
///
/// Writes two columns: `log₂ F0` (Hz) and `d′` at the chosen lag, 1 for an all-zero frame
/// (librosa's `d′` is 0 there, which would read as perfectly periodic). An instance owns its
/// FFT and workspaces: one per thread.
final class PitchTracker {
    let sampleRate: Int
    let frameLength: Int
    let hop: Int
    let threshold: Double
    let minPeriod: Int
    let maxPeriod: Int
    private let fft: RealFFT
    /// One allocation for the per-frame workspaces below (raw pointers: no exclusivity
    /// checks in the per-sample loops, which cost a third of the tracker's time as arrays).
    private let scratch: UnsafeMutableBufferPointer<Double>
    /// `Σ_{m≤i} x(m)²` for `i < maxPeriod`.
    private let energy: UnsafeMutablePointer<Double>
    /// `d′(τ)` for `τ = minPeriod…maxPeriod`, at `τ − minPeriod`.
    private let normalised: UnsafeMutablePointer<Double>
    private let lags: Int

    /// Prepares the transform for frames of `frameLength` samples; `config` must have passed
    /// ``FeatureConfig/validate()`` with this sample rate and frame length.
    init(config: PitchConfig, sampleRate: Int, frameLength: Int, hop: Int) throws(FeatureError) {
        self.sampleRate = sampleRate
        self.frameLength = frameLength
        self.hop = hop
        threshold = config.troughThreshold
        minPeriod = config.minPeriod(sampleRate: sampleRate)
        maxPeriod = config.maxPeriod(sampleRate: sampleRate, frameLength: frameLength)
        fft = try RealFFT(size: Self.transformSize(atLeast: frameLength + maxPeriod))
        lags = maxPeriod - minPeriod + 1
        scratch = .allocate(capacity: maxPeriod + lags)
        scratch.initialize(repeating: 0)
        guard let base = scratch.baseAddress else {
            throw .invalidConfiguration(field: "pitch", reason: "cannot allocate the pitch tracker's workspace")
        }
        energy = base
        normalised = base + maxPeriod
    }

    deinit { scratch.deallocate() }

    /// The smallest even 5-smooth length (2ᵃ·3ᵇ·5ᶜ, fast in FFTW) ≥ `minimum`. A frame of
    /// `L` samples zero-padded to `N ≥ L + maxPeriod` has a circular autocorrelation equal to
    /// the linear one at lags `0…maxPeriod` (the wrapped products meet only padding), so
    /// `N` need not reach `2L − 1` as in `librosa.autocorrelate`, which keeps every lag:
    /// 2,400 instead of 4,096 points for 2,048-sample frames at 22,050 Hz.
    static func transformSize(atLeast minimum: Int) -> Int {
        var n = max(minimum, 2)
        while true {
            var m = n
            for p in [2, 3, 5] { while m % p == 0 { m /= p } }
            if m == 1, n % 2 == 0 { return n }
            n += 1
        }
    }

    /// Tracks `frames` frames of `signal` into `output[t·stride]` (log₂ F0) and
    /// `output[t·stride + 1]` (aperiodicity).
    func track(signal: UnsafeBufferPointer<Float>, frames: Int, output: UnsafeMutablePointer<Float>, stride: Int) {
        for t in 0..<frames {
            let (period, aperiodicity) = frame(signal: signal, start: t * hop - frameLength / 2)
            output[t * stride] = Float(log2(Double(sampleRate) / period))
            output[t * stride + 1] = Float(aperiodicity)
        }
    }

    /// The refined period in samples and `d′` at the chosen lag for the frame of
    /// ``frameLength`` samples starting at `start` (negative or past the end: zeros).
    private func frame(signal: UnsafeBufferPointer<Float>, start: Int) -> (period: Double, aperiodicity: Double) {
        let n = fft.size
        let input = fft.input, output = fft.output
        // Samples of the signal in this frame: frame positions lo..<hi; zeros elsewhere.
        let lo = min(max(0, -start), frameLength), hi = max(lo, min(frameLength, signal.count - start))
        var zeroFrame = true
        for i in 0..<lo { input[i] = 0 }
        for i in lo..<hi {
            let x = Double(signal[start + i])
            if x != 0 { zeroFrame = false }
            input[i] = x
        }
        for i in hi..<n { input[i] = 0 }
        var sum = 0.0
        for i in 0..<maxPeriod {
            sum += input[i] * input[i]
            energy[i] = sum
        }
        fft.execute()
        // The power spectrum |X(k)|², mirrored to all n points: the inverse DFT of a real,
        // even spectrum is its forward DFT, so r(k) = Re(DFT(P))[k] / n.
        for k in 0...(n / 2) {
            let p = output[2 * k] * output[2 * k] + output[2 * k + 1] * output[2 * k + 1]
            input[k] = p
            if k > 0, k < n / 2 { input[n - k] = p }
        }
        fft.execute()
        let scale = 1 / Double(n)
        let r0 = output[0] * scale
        var running = 0.0
        for k in 1...maxPeriod {
            let d = 2 * (r0 - output[2 * k] * scale) - (k == 1 ? 0 : energy[k - 1])
            running += d
            if k >= minPeriod { normalised[k - minPeriod] = d / (running / Double(k) + Double.leastNormalMagnitude) }
        }
        let y = normalised
        let count = lags
        var chosen = -1
        for i in 0..<(count - 1) {
            let trough = i == 0 ? y[0] < y[1] : y[i] < y[i - 1] && y[i] <= y[i + 1]
            if trough, y[i] < threshold {
                chosen = i
                break
            }
        }
        if chosen < 0 {
            chosen = 0
            for i in 1..<count where y[i] < y[chosen] { chosen = i }
        }
        var shift = 0.0
        if chosen > 0, chosen < count - 1 {
            let a = y[chosen + 1] + y[chosen - 1] - 2 * y[chosen]
            let b = (y[chosen + 1] - y[chosen - 1]) / 2
            shift = abs(b) >= abs(a) ? 0 : -b / a
        }
        return (Double(minPeriod + chosen) + shift, zeroFrame ? 1 : y[chosen])
    }
}
