internal import SERKernels
internal import SERLinearAlgebra

extension Network {
    /// One LSTM direction over the shard: the input projection of all packed frames in one
    /// GEMM (the bias is added in the cell kernel), then per step one GEMM
    /// `gates[t] += h_{t-1}·U` over the step's active rows and the fused cell kernel (GEMMs
    /// on the network's ``GEMM/Engine``). Writes `h` into `output` (packed `[rows, ·]`, row
    /// stride `ldOutput`) at column 0 (forward) or `H` (backward direction, un-reversed to
    /// real time).
    ///
    /// - Parameters: `input` packed `[rows, Din]` in real time order.
    func lstmForward(
        _ p: ParameterLayout.LSTM, shard s: ShardWorkspace, input: UnsafePointer<Float>,
        workspace ws: DirectionWorkspace, output: UnsafeMutablePointer<Float>, ldOutput: Int, direction: Int
    ) {
        let steps = s.steps, b = s.rows, hh = p.hidden, g4 = 4 * hh, din = p.inputSize
        let frames = s.packedRows
        let w = UnsafePointer(parameters.pointer)
        var x = input
        if direction == 1, let reversed = ws.reversedInput {
            reverseTime(s, source: input, ldSource: din, destination: reversed.pointer, ldDestination: din, width: din, accumulate: false)
            x = UnsafePointer(reversed.pointer)
        }
        // A unidirectional layer writes h straight into its output buffer.
        let direct = direction == 0 && ldOutput == hh
        let gates = ws.gates.pointer, c = ws.c.pointer, tc = ws.tc.pointer, h = direct ? output : ws.h.pointer
        let previous = ws.hPrevious.pointer
        let mask = ws.recurrentMask?.pointer
        GEMM.multiply(gemm, m: frames, n: g4, k: din, a: x, lda: din, b: w + p.kernel, ldb: g4, accumulate: false, c: gates, ldc: g4)
        let packed = ws.packedRecurrent.pointer
        let isPacked = GEMM.pack(gemm, k: hh, n: g4, b: w + p.recurrent, bRow: g4, bCol: 1, into: packed)
        c.update(repeating: 0, count: b * hh)
        previous.update(repeating: 0, count: s.active[0] * hh)
        for t in 0..<steps {
            let n = s.active[t], row = s.offsets[t]
            let g = gates + row * g4
            if t > 0 {
                if isPacked {
                    GEMM.multiplyPacked(
                        gemm, m: n, n: g4, k: hh, a: previous + row * hh, lda: hh, packed: packed, accumulate: true, c: g, ldc: g4)
                } else if gemm.function != nil {
                    GEMM.multiply(
                        gemm, m: n, n: g4, k: hh, a: previous + row * hh, lda: hh, b: w + p.recurrent, ldb: g4, accumulate: true,
                        c: g, ldc: g4)
                } else {
                    StepGEMM.multiply(
                        transB: false, m: n, n: g4, k: hh, a: previous + row * hh, lda: hh, b: w + p.recurrent, ldb: g4,
                        beta: 1, c: g, ldc: g4)
                }
            }
            let cPrev = t == 0 ? c : c + (b + s.offsets[t - 1]) * hh
            LSTMKernels.forward(
                gates: g, bias: w + p.bias, cPrev: cPrev, c: c + (b + row) * hh, tc: tc + row * hh, h: h + row * hh,
                rows: n, hidden: hh)
            if t + 1 < steps {
                let next = s.active[t + 1]
                let src = h + row * hh, dst = previous + s.offsets[t + 1] * hh
                if let mask {
                    for k in 0..<(next * hh) { dst[k] = src[k] * mask[k] }
                } else {
                    dst.update(from: src, count: next * hh)
                }
            }
        }
        if direction == 0 {
            if !direct {
                for row in 0..<frames { (output + row * ldOutput).update(from: h + row * hh, count: hh) }
            }
        } else {
            reverseTime(s, source: h, ldSource: hh, destination: output + hh, ldDestination: ldOutput, width: hh, accumulate: false)
        }
    }

    /// Backpropagation through time for one direction. `outputGrad` is ∂L/∂output in real time
    /// order (packed `[rows, ·]`, stride `ldOutput`); adds the parameter gradients to
    /// `s.gradient` and writes (direction 0) or adds (direction 1) ∂L/∂input to `inputGrad`.
    func lstmBackward(
        _ p: ParameterLayout.LSTM, shard s: ShardWorkspace, input: UnsafePointer<Float>,
        inputGrad: UnsafeMutablePointer<Float>?, workspace ws: DirectionWorkspace,
        outputGrad: UnsafeMutablePointer<Float>, ldOutput: Int, direction: Int
    ) {
        let steps = s.steps, b = s.rows, hh = p.hidden, g4 = 4 * hh, din = p.inputSize
        let frames = s.packedRows
        let w = UnsafePointer(parameters.pointer)
        let grad = s.gradient.pointer
        var dOut = UnsafePointer(outputGrad)
        var ldOut = ldOutput
        var x = input
        if direction == 1, let rog = ws.reversedOutputGrad, let ri = ws.reversedInput {
            reverseTime(
                s, source: outputGrad + hh, ldSource: ldOutput, destination: rog.pointer, ldDestination: hh, width: hh,
                accumulate: false)
            dOut = UnsafePointer(rog.pointer)
            ldOut = hh
            x = UnsafePointer(ri.pointer)
        }
        let gates = ws.gates.pointer, c = ws.c.pointer, tc = ws.tc.pointer
        let dh = ws.dhCarry.pointer, dc = ws.dcCarry.pointer
        let mask = ws.recurrentMask?.pointer
        dh.update(repeating: 0, count: b * hh)
        dc.update(repeating: 0, count: b * hh)
        // Uᵀ [4H, H] for the step GEMMs ∂h_{t-1} = ∂G_t·Uᵀ: laid out for a ser_gemm kernel, or
        // transposed for another engine with ser_gemm's contract.
        let packed = ws.packedRecurrent.pointer
        let isPacked = GEMM.pack(gemm, k: g4, n: hh, b: w + p.recurrent, bRow: 1, bCol: g4, into: packed)
        var recurrentT: UnsafePointer<Float>?
        if !isPacked, gemm.function != nil {
            ser_transpose(w + p.recurrent, hh, g4, ws.transposedWeights.pointer)
            recurrentT = UnsafePointer(ws.transposedWeights.pointer)
        }
        for t in (0..<steps).reversed() {
            let n = s.active[t], row = s.offsets[t]
            let g = gates + row * g4
            let cPrev = t == 0 ? c : c + (b + s.offsets[t - 1]) * hh
            LSTMKernels.backward(
                gates: g, cPrev: cPrev, tc: tc + row * hh, dOut: dOut + row * ldOut, ldOut: ldOut,
                dhCarry: dh, dcCarry: dc, rows: n, hidden: hh)
            if t > 0 {
                if isPacked {
                    GEMM.multiplyPacked(gemm, m: n, n: hh, k: g4, a: g, lda: g4, packed: packed, accumulate: false, c: dh, ldc: hh)
                } else if let recurrentT {
                    GEMM.multiply(gemm, m: n, n: hh, k: g4, a: g, lda: g4, b: recurrentT, ldb: hh, accumulate: false, c: dh, ldc: hh)
                } else {
                    StepGEMM.multiply(
                        transB: true, m: n, n: hh, k: g4, a: g, lda: g4, b: w + p.recurrent, ldb: g4, beta: 0, c: dh, ldc: hh)
                }
                if let mask {
                    for k in 0..<(n * hh) { dh[k] *= mask[k] }
                }
            }
        }
        GEMM.multiply(
            gemm, transA: true, m: din, n: g4, k: frames, a: x, lda: din, b: gates, ldb: g4, accumulate: true,
            c: grad + p.kernel, ldc: g4)
        GEMM.multiply(
            gemm, transA: true, m: hh, n: g4, k: frames, a: ws.hPrevious.pointer, lda: hh, b: gates, ldb: g4, accumulate: true,
            c: grad + p.recurrent, ldc: g4)
        ser_add_column_sums(gates, frames, g4, grad + p.bias)
        guard let inputGrad else { return }
        let target = direction == 0 ? inputGrad : ws.reversedInputGrad?.pointer
        guard let target else { return }
        GEMM.multiplyTransposed(
            gemm, m: frames, n: din, k: g4, a: gates, lda: g4, b: w + p.kernel, ldb: g4, scratch: ws.transposedWeights.pointer,
            c: target, ldc: din)
        if direction == 1 {
            reverseTime(s, source: target, ldSource: din, destination: inputGrad, ldDestination: din, width: din, accumulate: true)
        }
    }

    /// `destination[s, r] (=|+=) source[L_r - 1 - s, r]` for `s < L_r` over the packed layout:
    /// the per-clip time reversal used by the backward direction.
    func reverseTime(
        _ s: ShardWorkspace, source: UnsafePointer<Float>, ldSource: Int, destination: UnsafeMutablePointer<Float>,
        ldDestination: Int, width: Int, accumulate: Bool
    ) {
        for r in 0..<s.rows {
            let length = s.lengths[r]
            for step in 0..<length {
                let dst = destination + (s.offsets[step] + r) * ldDestination
                let src = source + (s.offsets[length - 1 - step] + r) * ldSource
                if accumulate {
                    for k in 0..<width { dst[k] += src[k] }
                } else {
                    dst.update(from: src, count: width)
                }
            }
        }
    }
}
