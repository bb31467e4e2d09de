internal import SERLinearAlgebra

extension Network {
    /// One LSTM direction over the shard: the input projection of all `T·b` frames in one
    /// GEMM, then per step one GEMM `gates[t] += h_{t-1}·U` over the still-active rows and the
    /// fused cell kernel. Writes `h` into `output` (`[T, b, ·]`, row stride `ldOutput`) at
    /// column 0 (forward) or `H` (backward direction, un-reversed to real time).
    ///
    /// - Parameters: `input [T, b, Din]` in real time order.
    func lstmForward(
        _ p: ParameterLayout.LSTM, shard s: ShardWorkspace, input: UnsafePointer<Float>,
        workspace ws: DirectionWorkspace, output: UnsafeMutablePointer<Float>, ldOutput: Int, direction: Int
    ) {
        let steps = s.steps, b = s.rows, hh = p.hidden, g4 = 4 * hh, din = p.inputSize
        let w = UnsafePointer(parameters.pointer)
        var x = input
        if direction == 1, let reversed = ws.reversedInput {
            reverseTime(s, source: input, ldSource: din, destination: reversed.pointer, ldDestination: din, width: din, accumulate: false)
            x = UnsafePointer(reversed.pointer)
        }
        let gates = ws.gates.pointer, c = ws.c.pointer, tc = ws.tc.pointer, h = ws.h.pointer
        let frames = steps * b
        for row in 0..<frames { (gates + row * g4).update(from: w + p.bias, count: g4) }
        BLAS.sgemm(m: frames, n: g4, k: din, a: x, lda: din, b: w + p.kernel, ldb: g4, beta: 1, c: gates, ldc: g4)
        c.update(repeating: 0, count: b * hh)
        h.update(repeating: 0, count: b * hh)
        ws.hMasked?.zero(b * hh)
        let recurrentInput = ws.hMasked?.pointer ?? h
        for t in 0..<steps {
            let n = s.active[t]
            let g = gates + t * b * g4
            BLAS.sgemm(
                m: n, n: g4, k: hh, a: recurrentInput + t * b * hh, lda: hh, b: w + p.recurrent, ldb: g4,
                beta: 1, c: g, ldc: g4)
            let next = (t + 1) * b * hh
            LSTMKernels.forward(
                gates: g, cPrev: c + t * b * hh, c: c + next, tc: tc + t * b * hh, h: h + next, rows: n, hidden: hh)
            if n < b {
                (c + next + n * hh).update(repeating: 0, count: (b - n) * hh)
                (h + next + n * hh).update(repeating: 0, count: (b - n) * hh)
            }
            if let masked = ws.hMasked?.pointer, let mask = ws.recurrentMask?.pointer {
                let dst = masked + next, src = h + next
                for k in 0..<(b * hh) { dst[k] = src[k] * mask[k] }
            }
        }
        if direction == 0 {
            if ldOutput == hh {
                output.update(from: h + b * hh, count: frames * hh)
            } else {
                for row in 0..<frames { (output + row * ldOutput).update(from: h + (row + b) * hh, count: hh) }
            }
        } else {
            reverseTime(
                s, source: h + b * hh, ldSource: hh, destination: output + hh, ldDestination: ldOutput, width: hh,
                accumulate: false)
        }
    }

    /// Backpropagation through time for one direction. `outputGrad` is ∂L/∂output in real time
    /// order (`[T, b, ·]`, stride `ldOutput`, zero on padding); adds the parameter gradients to
    /// `s.gradient` and writes (direction 0) or adds (direction 1) ∂L/∂input to `inputGrad`.
    func lstmBackward(
        _ p: ParameterLayout.LSTM, shard s: ShardWorkspace, input: UnsafePointer<Float>,
        inputGrad: UnsafeMutablePointer<Float>?, workspace ws: DirectionWorkspace,
        outputGrad: UnsafeMutablePointer<Float>, ldOutput: Int, direction: Int
    ) {
        let steps = s.steps, b = s.rows, hh = p.hidden, g4 = 4 * hh, din = p.inputSize
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
        dh.update(repeating: 0, count: b * hh)
        dc.update(repeating: 0, count: b * hh)
        for t in (0..<steps).reversed() {
            let n = s.active[t]
            let g = gates + t * b * g4
            LSTMKernels.backward(
                gates: g, cPrev: c + t * b * hh, tc: tc + t * b * hh, dOut: dOut + t * b * ldOut, ldOut: ldOut,
                dhCarry: dh, dcCarry: dc, rows: n, hidden: hh)
            if n < b { (g + n * g4).update(repeating: 0, count: (b - n) * g4) }
            if t > 0 {
                BLAS.sgemm(transB: true, m: n, n: hh, k: g4, a: g, lda: g4, b: w + p.recurrent, ldb: g4, beta: 0, c: dh, ldc: hh)
                if let mask = ws.recurrentMask?.pointer {
                    for k in 0..<(n * hh) { dh[k] *= mask[k] }
                }
            }
        }
        let frames = steps * b
        BLAS.sgemm(transA: true, m: din, n: g4, k: frames, a: x, lda: din, b: gates, ldb: g4, beta: 1, c: grad + p.kernel, ldc: g4)
        let previous = ws.hMasked?.pointer ?? ws.h.pointer
        BLAS.sgemm(
            transA: true, m: hh, n: g4, k: frames, a: previous, lda: hh, b: gates, ldb: g4, beta: 1,
            c: grad + p.recurrent, ldc: g4)
        let gb = grad + p.bias
        for row in 0..<frames {
            let src = gates + row * g4
            for j in 0..<g4 { gb[j] += src[j] }
        }
        guard let inputGrad else { return }
        if direction == 0 {
            BLAS.sgemm(transB: true, m: frames, n: din, k: g4, a: gates, lda: g4, b: w + p.kernel, ldb: g4, beta: 0, c: inputGrad, ldc: din)
        } else if let rig = ws.reversedInputGrad {
            BLAS.sgemm(transB: true, m: frames, n: din, k: g4, a: gates, lda: g4, b: w + p.kernel, ldb: g4, beta: 0, c: rig.pointer, ldc: din)
            reverseTime(s, source: rig.pointer, ldSource: din, destination: inputGrad, ldDestination: din, width: din, accumulate: true)
        }
    }

    /// `destination[s, r] (=|+=) source[L_r - 1 - s, r]` for `s < L_r` (zero elsewhere when
    /// not accumulating): the per-clip time reversal used by the backward direction.
    func reverseTime(
        _ s: ShardWorkspace, source: UnsafePointer<Float>, ldSource: Int, destination: UnsafeMutablePointer<Float>,
        ldDestination: Int, width: Int, accumulate: Bool
    ) {
        let b = s.rows
        for r in 0..<b {
            let length = s.lengths[r]
            for step in 0..<s.steps {
                let dst = destination + (step * b + r) * ldDestination
                if step < length {
                    let src = source + ((length - 1 - step) * b + r) * ldSource
                    if accumulate {
                        for k in 0..<width { dst[k] += src[k] }
                    } else {
                        dst.update(from: src, count: width)
                    }
                } else if !accumulate {
                    dst.update(repeating: 0, count: width)
                }
            }
        }
    }
}
