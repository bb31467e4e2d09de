#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The orthonormal DCT-II as a matrix, `scipy.fft.dct(type=2, norm='ortho')` truncated to the
/// first `count` coefficients.
///
/// `D[k, n] = √(2/N)·cos(πk(2n+1)/(2N))`, with row 0 scaled by `1/√2` (so `D[0, n] = √(1/N)`).
enum DCT {
    /// `[count, length]` row-major, float32 (computed in double).
    static func orthonormalMatrix(count: Int, length: Int) -> [Float] {
        var out = [Float](repeating: 0, count: count * length)
        let n = Double(length)
        for k in 0..<count {
            let scale = k == 0 ? (1 / n).squareRoot() : (2 / n).squareRoot()
            for i in 0..<length {
                out[k * length + i] = Float(scale * cos(Double.pi * Double(k) * Double(2 * i + 1) / (2 * n)))
            }
        }
        return out
    }
}
