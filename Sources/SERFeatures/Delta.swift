/// Local derivative estimates as `librosa.feature.delta(width:, order:, mode='interp')`:
/// a Savitzky–Golay filter fitting a polynomial of degree `order` over `width` frames and
/// taking its `order`-th derivative (frames⁻ᵒʳᵈᵉʳ).
///
/// Inside the clip, `d[t] = Σₙ c[n]·x[t+n]` for `n = −h…h` (`h = width/2`), with
/// `c[n] = n / Σn²` (order 1) or `c[n] = 2(n² − m) / Σ(n² − m)²`, `m = mean(n²)` (order 2).
/// In the first and last `h` frames the fit over the first (last) `width` frames is used;
/// its `order`-th derivative is constant, so those frames repeat `d[h]` (`d[T−1−h]`).
enum Delta {
    /// Filter coefficients `c[−h…h]` for the `order`-th derivative (1 or 2).
    static func coefficients(width: Int, order: Int) -> [Double] {
        let h = width / 2
        let offsets = (-h...h).map(Double.init)
        if order == 1 {
            let denominator = offsets.reduce(0) { $0 + $1 * $1 }
            return offsets.map { $0 / denominator }
        }
        let mean = offsets.reduce(0) { $0 + $1 * $1 } / Double(width)
        let denominator = offsets.reduce(0) { $0 + ($1 * $1 - mean) * ($1 * $1 - mean) }
        return offsets.map { 2 * ($0 * $0 - mean) / denominator }
    }

    /// Applies the filter along time to `columns` columns.
    ///
    /// - Parameters:
    ///   - source: value `(t, j)` at `source[t * stride + j]`, `frames ≥ width`.
    ///   - output: receives `(t, j)` at `output[t * stride + j]`.
    static func apply(
        coefficients c: [Double], frames: Int, columns: Int,
        source: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, stride: Int
    ) {
        let h = c.count / 2
        guard frames >= c.count else { return }
        for j in 0..<columns {
            for t in h..<(frames - h) {
                var sum = 0.0
                for n in -h...h { sum += c[n + h] * Double(source[(t + n) * stride + j]) }
                output[t * stride + j] = Float(sum)
            }
            for t in 0..<h { output[t * stride + j] = output[h * stride + j] }
            for t in (frames - h)..<frames { output[t * stride + j] = output[(frames - 1 - h) * stride + j] }
        }
    }
}
