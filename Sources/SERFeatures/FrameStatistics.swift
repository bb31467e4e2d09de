/// Time-domain per-frame features with librosa's defaults (frame length `nFFT`, hop, centred).
enum FrameStatistics {
    /// `librosa.feature.rms(y=…)`: `√(mean(x²))` over each zero-padded frame of `length`
    /// samples centred on `t·hop` (no window). Silence gives 0.
    static func rms(
        signal: UnsafeBufferPointer<Float>, frames: Int, length: Int, hop: Int,
        output: UnsafeMutablePointer<Float>, stride: Int
    ) {
        let n = signal.count
        for t in 0..<frames {
            let start = t * hop - length / 2
            let lo = max(0, start), hi = min(n, start + length)
            var sum = 0.0
            if lo < hi { for i in lo..<hi { sum += Double(signal[i] * signal[i]) } }
            output[t * stride] = Float((sum / Double(length)).squareRoot())
        }
    }

    /// `librosa.feature.zero_crossing_rate(y)`: the fraction of the `length` samples of each
    /// edge-padded frame (the first and last samples repeated) whose sign bit differs from the
    /// previous sample's, after setting |x| ≤ 1e-10 to +0; the frame's first sample never
    /// counts. In [0, 1).
    static func zeroCrossingRate(
        signal: UnsafeBufferPointer<Float>, frames: Int, length: Int, hop: Int,
        output: UnsafeMutablePointer<Float>, stride: Int
    ) {
        let n = signal.count
        @inline(__always) func negative(_ index: Int) -> Bool {
            let x = signal[min(max(index, 0), n - 1)]
            return abs(Double(x)) <= 1e-10 ? false : x.sign == .minus
        }
        for t in 0..<frames {
            let start = t * hop - length / 2
            var count = 0
            var previous = negative(start)
            for j in 1..<length {
                let current = negative(start + j)
                if current != previous { count += 1 }
                previous = current
            }
            output[t * stride] = Float(count) / Float(length)
        }
    }
}
