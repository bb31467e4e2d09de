internal import SERCore

extension Network {
    /// Keras's default initialisation, drawn from `rng` tensor by tensor in layout order:
    /// Glorot-uniform kernels (`U(±√(6/(fan_in+fan_out)))`), orthogonal recurrent kernels
    /// (`[H, 4H]` with orthonormal rows, from the QR of a Gaussian matrix with `R`'s diagonal
    /// made positive), zero biases except the LSTM forget-gate block, which is 1
    /// (`unit_forget_bias=True`). `attention.kernel [F]` is Glorot-uniform as a `[F, 1]` kernel;
    /// a convolution's `[k, Din, C]` kernel has Keras's fans `k·Din` and `k·C`.
    func initialize(rng: inout SeededGenerator) {
        let w = parameters.pointer
        for tensor in layout.tensors {
            let out = w + tensor.offset
            if tensor.name.hasSuffix("recurrent_kernel"), tensor.shape.count == 2 {
                let rows = tensor.shape[0], columns = tensor.shape[1]
                let q = Self.orthonormalColumns(rows: columns, columns: rows, rng: &rng)
                for r in 0..<rows {
                    for c in 0..<columns { out[r * columns + c] = Float(q[c * rows + r]) }
                }
            } else if tensor.name.hasSuffix("kernel") {
                // Keras's compute_fans: `[…, in, out]`, the leading dimensions (if any) the
                // receptive field; a vector `[n]` is an `[n, 1]` kernel.
                let shape = tensor.shape.count == 1 ? tensor.shape + [1] : tensor.shape
                let receptive = shape.dropLast(2).reduce(1, *)
                let fanIn = shape[shape.count - 2] * receptive, fanOut = shape[shape.count - 1] * receptive
                let limit = (6 / Double(fanIn + fanOut)).squareRoot()
                for k in 0..<tensor.count { out[k] = Float((2 * rng.nextUnitDouble() - 1) * limit) }
            } else {
                out.update(repeating: 0, count: tensor.count)
                if tensor.name.hasPrefix("lstm.") {
                    let hidden = tensor.count / 4
                    (out + hidden).update(repeating: 1, count: hidden)
                }
            }
        }
    }

    /// A `[rows, columns]` (rows ≥ columns) row-major matrix with orthonormal columns: the `Q`
    /// of a Gaussian matrix by modified Gram–Schmidt (twice, for accuracy) in Double.
    ///
    /// Indexes through an unsafe buffer: every index is below `rows * columns` by the loop
    /// bounds, and the checked subscripts cost 3.5× the instructions (docs/BENCHMARKS-flags.md).
    static func orthonormalColumns(rows: Int, columns: Int, rng: inout SeededGenerator) -> [Double] {
        var matrix = (0..<(rows * columns)).map { _ in rng.nextGaussian() }
        matrix.withUnsafeMutableBufferPointer { a in
            for j in 0..<columns {
                for _ in 0..<2 {
                    for i in 0..<j {
                        var dot = 0.0
                        for r in 0..<rows { dot += a[r * columns + i] * a[r * columns + j] }
                        for r in 0..<rows { a[r * columns + j] -= dot * a[r * columns + i] }
                    }
                }
                var norm = 0.0
                for r in 0..<rows { norm += a[r * columns + j] * a[r * columns + j] }
                let scale = norm > 0 ? 1 / norm.squareRoot() : 0
                for r in 0..<rows { a[r * columns + j] *= scale }
            }
        }
        return matrix
    }
}
