public import SERCore

/// Per-dimension z-score normalisation of `[frames, dims]` feature tensors.
///
/// Statistics come from the training subset only (every frame of every training clip) and
/// are stored with the run, so evaluation, export and prediction apply the same ones.
/// A dimension with (near-)zero spread gets std 1, so it maps to 0 instead of ±∞.
public struct Normalizer: Sendable, Hashable, Codable {
    /// How statistics are computed and applied.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// One mean/std per dimension over the training set (the seed's StandardScaler).
        case global = "global-zscore"
        /// Per-utterance mean/variance normalisation (CMVN), then global statistics of the
        /// CMVN'd training set. Needs nothing about the speaker at prediction time.
        case utterance = "cmvn"
        /// No normalisation.
        case none
    }

    public var method: Method
    /// `[dims]` means.
    public var mean: [Float]
    /// `[dims]` standard deviations (population, ≥ 1e-8).
    public var std: [Float]

    public init(method: Method, mean: [Float], std: [Float]) {
        self.method = method
        self.mean = mean
        self.std = std
    }

    /// Fits statistics on `sequences` (each `[frames, dims]`, all the same `dims`), in Double.
    public static func fit(_ sequences: [Matrix], method: Method) -> Normalizer {
        let dims = sequences.first?.columns ?? 0
        guard method != .none, dims > 0 else {
            return Normalizer(method: method, mean: [Float](repeating: 0, count: dims), std: [Float](repeating: 1, count: dims))
        }
        var sum = [Double](repeating: 0, count: dims)
        var sumSquares = [Double](repeating: 0, count: dims)
        var count = 0.0
        for raw in sequences {
            let m = method == .utterance ? Self.cmvn(raw) : raw
            for r in 0..<m.rows {
                for c in 0..<dims {
                    let v = Double(m.values[r * dims + c])
                    sum[c] += v
                    sumSquares[c] += v * v
                }
            }
            count += Double(m.rows)
        }
        let mean = sum.map { $0 / max(count, 1) }
        let std = zip(sumSquares, mean).map { sq, mu in
            let variance = max(sq / max(count, 1) - mu * mu, 0)
            let s = variance.squareRoot()
            return s < 1e-8 ? 1 : s
        }
        return Normalizer(method: method, mean: mean.map(Float.init), std: std.map(Float.init))
    }

    /// Applies the statistics to one `[frames, dims]` tensor.
    public func apply(_ input: Matrix) -> Matrix {
        guard method != .none else { return input }
        var out = method == .utterance ? Self.cmvn(input) : input
        let dims = out.columns
        for r in 0..<out.rows {
            for c in 0..<dims where c < mean.count {
                out.values[r * dims + c] = (out.values[r * dims + c] - mean[c]) / std[c]
            }
        }
        return out
    }

    /// Per-utterance mean and variance normalisation of one tensor.
    static func cmvn(_ m: Matrix) -> Matrix {
        guard m.rows > 0 else { return m }
        var out = m
        let dims = m.columns
        for c in 0..<dims {
            var sum = 0.0, sq = 0.0
            for r in 0..<m.rows {
                let v = Double(m.values[r * dims + c])
                sum += v
                sq += v * v
            }
            let mu = sum / Double(m.rows)
            let sd = max(max(sq / Double(m.rows) - mu * mu, 0).squareRoot(), 1e-8)
            for r in 0..<m.rows { out.values[r * dims + c] = Float((Double(m.values[r * dims + c]) - mu) / sd) }
        }
        return out
    }
}
