/// The model's parameters and the batched forward/backward passes over one shard of a batch.
///
/// Parameters live in one flat float32 vector laid out by ``ParameterLayout``; the shards read
/// it concurrently and write only their own workspace.
final class Network: @unchecked Sendable {
    let config: ModelConfig
    let layout: ParameterLayout
    /// All parameters, `layout.count` floats.
    let parameters: FloatBuffer
    /// Who runs the LSTM's GEMMs (``GEMM/Engine/automatic`` unless a test or benchmark chooses).
    let gemm: GEMM.Engine

    init(config: ModelConfig, gemm: GEMM.Engine = .automatic) {
        self.config = config
        self.gemm = gemm
        layout = ParameterLayout(config: config)
        parameters = FloatBuffer(count: layout.count)
    }

    /// Runs the whole network on the packed shard; fills `probabilities`, and with labels the
    /// loss sum and correct count. `training` only matters through the dropout masks, which
    /// the caller has drawn beforehand; without dropout all masks are set to ones.
    func forward(_ s: ShardWorkspace, applyDropout: Bool) {
        if !applyDropout {
            for directions in s.directions {
                for ws in directions { ws.recurrentMask?.pointer.update(repeating: 1, count: ws.recurrentMask?.count ?? 0) }
            }
        }
        var input = UnsafePointer(s.input.pointer)
        for j in layout.convolutions.indices {
            convolutionForward(j, shard: s, input: input)
            input = UnsafePointer(s.convOutputs[j].pointer)
        }
        for (l, directions) in layout.lstm.enumerated() {
            let width = config.outputWidth(ofLayer: l)
            let out = s.outputs[l].pointer
            for (d, p) in directions.enumerated() {
                lstmForward(p, shard: s, input: input, workspace: s.directions[l][d], output: out, ldOutput: width, direction: d)
            }
            input = UnsafePointer(out)
        }
        pool(s, top: input)
        headForward(s, applyDropout: applyDropout)
    }

    /// Backpropagates the loss of the last ``forward(_:applyDropout:)`` into `s.gradient`
    /// (overwritten). The loss is `Σ_rows w·CE / batchSize`.
    func backward(_ s: ShardWorkspace, batchSize: Int) {
        s.gradient.zero()
        headBackward(s, batchSize: batchSize)
        poolBackward(s)
        for l in layout.lstm.indices.reversed() {
            let width = config.outputWidth(ofLayer: l)
            let input = l > 0 ? UnsafePointer(s.outputs[l - 1].pointer) : UnsafePointer(s.convOutputs.last?.pointer ?? s.input.pointer)
            let inputGrad: UnsafeMutablePointer<Float>? = l > 0 ? s.outputGrads[l - 1].pointer : s.convGrads.last?.pointer
            for (d, p) in layout.lstm[l].enumerated() {
                lstmBackward(
                    p, shard: s, input: input, inputGrad: inputGrad, workspace: s.directions[l][d],
                    outputGrad: s.outputGrads[l].pointer, ldOutput: width, direction: d)
            }
        }
        for j in layout.convolutions.indices.reversed() {
            convolutionBackward(j, shard: s, inputGrad: j > 0 ? s.convGrads[j - 1].pointer : nil)
        }
    }
}
