internal import SERKernels

extension Network {
    /// One 1-D convolution over time on the shard: every packed frame's window of `k` frames
    /// of its own clip (zeros beyond the clip's ends: "same" padding per clip) gathered into
    /// `s.convWindows[j]` `[rows, k·Din]`, one GEMM with the kernel `[k·Din, C]` on the
    /// network's engine, the bias, then the activation, into `s.convOutputs[j]` `[rows, C]`.
    ///
    /// - Parameter input: packed `[rows, Din]` in real time order.
    func convolutionForward(_ j: Int, shard s: ShardWorkspace, input: UnsafePointer<Float>) {
        let p = layout.convolutions[j]
        let rows = s.packedRows, c = p.channels
        let windows = s.convWindows[j].pointer, output = s.convOutputs[j].pointer
        let w = UnsafePointer(parameters.pointer)
        gatherWindows(p, shard: s, input: input, windows: windows)
        GEMM.multiply(
            gemm, m: rows, n: c, k: p.windowSize, a: windows, lda: p.windowSize, b: w + p.kernel, ldb: c, accumulate: false,
            c: output, ldc: c)
        let bias = w + p.bias
        for row in 0..<rows {
            let y = output + row * c
            for k in 0..<c { y[k] += bias[k] }
        }
        config.convActivation.apply(output, count: rows * c)
    }

    /// Backpropagates `s.convGrads[j]` (∂L/∂output, overwritten with ∂L/∂pre-activation)
    /// through convolution `j`: adds the kernel and bias gradients to `s.gradient` and, with
    /// `inputGrad`, writes ∂L/∂input (packed `[rows, Din]`) by scattering the windows'
    /// gradient back onto the frames they were gathered from.
    func convolutionBackward(_ j: Int, shard s: ShardWorkspace, inputGrad: UnsafeMutablePointer<Float>?) {
        let p = layout.convolutions[j]
        let rows = s.packedRows, c = p.channels
        let windows = s.convWindows[j].pointer, dOut = s.convGrads[j].pointer
        let w = UnsafePointer(parameters.pointer), grad = s.gradient.pointer
        config.convActivation.backpropagate(output: s.convOutputs[j].pointer, gradient: dOut, count: rows * c)
        GEMM.multiply(
            gemm, transA: true, m: p.windowSize, n: c, k: rows, a: windows, lda: p.windowSize, b: dOut, ldb: c, accumulate: true,
            c: grad + p.kernel, ldc: c)
        ser_add_column_sums(dOut, rows, c, grad + p.bias)
        guard let inputGrad else { return }
        // The windows are no longer needed: their gradient ∂L/∂dOut·Kᵀ takes their place.
        GEMM.multiplyTransposed(
            gemm, m: rows, n: p.windowSize, k: c, a: dOut, lda: c, b: w + p.kernel, ldb: c, scratch: s.convScratch.pointer,
            c: windows, ldc: p.windowSize)
        scatterWindows(p, shard: s, windows: UnsafePointer(windows), inputGrad: inputGrad)
    }

    /// `windows[(t, r)] = [x_r(t − k/2) | … | x_r(t + k/2)]`, zeros outside `0 ..< L_r`.
    private func gatherWindows(
        _ p: ParameterLayout.Convolution, shard s: ShardWorkspace, input: UnsafePointer<Float>, windows: UnsafeMutablePointer<Float>
    ) {
        let din = p.inputSize
        forEachTap(p, shard: s) { slot, frame in
            if let frame {
                (windows + slot).update(from: input + frame, count: din)
            } else {
                (windows + slot).update(repeating: 0, count: din)
            }
        }
    }

    /// The adjoint of ``gatherWindows``: `inputGrad[(u, r)] = Σ` over the windows that hold
    /// frame `u` of clip `r` of that tap's slice.
    private func scatterWindows(
        _ p: ParameterLayout.Convolution, shard s: ShardWorkspace, windows: UnsafePointer<Float>,
        inputGrad: UnsafeMutablePointer<Float>
    ) {
        let din = p.inputSize
        inputGrad.update(repeating: 0, count: s.packedRows * din)
        forEachTap(p, shard: s) { slot, frame in
            guard let frame else { return }
            let destination = inputGrad + frame, source = windows + slot
            for k in 0..<din { destination[k] += source[k] }
        }
    }

    /// The window geometry, once: for every packed frame `(t, r)` and tap `j`, calls `body`
    /// with the offset of that tap's `Din` floats in the windows buffer and the offset of frame
    /// `t + j − k/2` of clip `r` in the packed `[rows, Din]` input, or `nil` past the clip's ends.
    @inline(__always)
    private func forEachTap(_ p: ParameterLayout.Convolution, shard s: ShardWorkspace, _ body: (Int, Int?) -> Void) {
        let din = p.inputSize, half = p.width / 2
        for t in 0..<s.steps {
            for r in 0..<s.active[t] {
                let row = (s.offsets[t] + r) * p.windowSize
                let length = s.lengths[r]
                for tap in 0..<p.width {
                    let u = t + tap - half
                    body(row + tap * din, u >= 0 && u < length ? (s.offsets[u] + r) * din : nil)
                }
            }
        }
    }
}
