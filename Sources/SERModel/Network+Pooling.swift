import Foundation

extension Network {
    /// Added to the variance before the square root in `stats` pooling, so that a constant
    /// output (σ = 0) has a finite gradient.
    static let statsEpsilon: Float = 1e-5

    /// Pools the top layer's packed output `top [rows, F]` into `s.pooled [b, P]` per
    /// ``Pooling`` (`P` = ``ModelConfig/pooledWidth``).
    func pool(_ s: ShardWorkspace, top: UnsafePointer<Float>) {
        let b = s.rows, f = config.topWidth, pooledWidth = config.pooledWidth
        let half = config.bidirectional ? f / 2 : f
        let pooled = s.pooled.pointer
        for r in 0..<b {
            let length = s.lengths[r]
            let dst = pooled + r * pooledWidth
            switch config.pooling {
            case .last:
                dst.update(from: top + (s.offsets[length - 1] + r) * f, count: half)
                if config.bidirectional {
                    (dst + half).update(from: top + r * f + half, count: f - half)
                }
            case .mean, .stats:
                dst.update(repeating: 0, count: f)
                for t in 0..<length {
                    let src = top + (s.offsets[t] + r) * f
                    for k in 0..<f { dst[k] += src[k] }
                }
                let scale = 1 / Float(length)
                for k in 0..<f { dst[k] *= scale }
                guard config.pooling == .stats else { break }
                let mean = dst, deviation = dst + f
                deviation.update(repeating: 0, count: f)
                for t in 0..<length {
                    let src = top + (s.offsets[t] + r) * f
                    for k in 0..<f {
                        let d = src[k] - mean[k]
                        deviation[k] += d * d
                    }
                }
                for k in 0..<f { deviation[k] = (deviation[k] * scale + Self.statsEpsilon).squareRoot() }
            case .attention:
                let w = parameters.pointer + (layout.attention ?? 0)
                let alpha = s.attention.pointer
                var maxScore = -Float.infinity
                for t in 0..<length {
                    let src = top + (s.offsets[t] + r) * f
                    var score: Float = 0
                    for k in 0..<f { score += src[k] * w[k] }
                    alpha[s.offsets[t] + r] = score
                    maxScore = max(maxScore, score)
                }
                var total: Float = 0
                for t in 0..<length {
                    let e = Float(exp(Double(alpha[s.offsets[t] + r] - maxScore)))
                    alpha[s.offsets[t] + r] = e
                    total += e
                }
                dst.update(repeating: 0, count: f)
                for t in 0..<length {
                    let a = alpha[s.offsets[t] + r] / total
                    alpha[s.offsets[t] + r] = a
                    let src = top + (s.offsets[t] + r) * f
                    for k in 0..<f { dst[k] += a * src[k] }
                }
            }
        }
    }

    /// ∂L/∂pooled (`s.pooledGrad`) → ∂L/∂top output (`s.outputGrads.last`, zero on padding),
    /// plus `attention.kernel`'s gradient.
    func poolBackward(_ s: ShardWorkspace) {
        guard let topIndex = s.outputs.indices.last else { return }
        let b = s.rows, f = config.topWidth, pooledWidth = config.pooledWidth
        let half = config.bidirectional ? f / 2 : f
        let dTop = s.outputGrads[topIndex].pointer, top = s.outputs[topIndex].pointer
        let dPooled = s.pooledGrad.pointer, pooled = s.pooled.pointer
        dTop.update(repeating: 0, count: s.packedRows * f)
        for r in 0..<b {
            let length = s.lengths[r]
            let dp = dPooled + r * pooledWidth
            switch config.pooling {
            case .last:
                (dTop + (s.offsets[length - 1] + r) * f).update(from: dp, count: half)
                if config.bidirectional {
                    (dTop + r * f + half).update(from: dp + half, count: f - half)
                }
            case .mean:
                let scale = 1 / Float(length)
                for t in 0..<length {
                    let dst = dTop + (s.offsets[t] + r) * f
                    for k in 0..<f { dst[k] = dp[k] * scale }
                }
            case .stats:
                // ∂h_t = ∂μ/L + ∂σ·(h_t − μ)/(L·σ): the mean's own gradient through σ is
                // Σ_t (h_t − μ) = 0.
                let mean = pooled + r * pooledWidth, deviation = mean + f, dMean = dp, dDeviation = dp + f
                let scale = 1 / Float(length)
                for t in 0..<length {
                    let src = top + (s.offsets[t] + r) * f
                    let dst = dTop + (s.offsets[t] + r) * f
                    for k in 0..<f { dst[k] = (dMean[k] + dDeviation[k] * (src[k] - mean[k]) / deviation[k]) * scale }
                }
            case .attention:
                let offset = layout.attention ?? 0
                let w = parameters.pointer + offset, gw = s.gradient.pointer + offset
                let alpha = s.attention.pointer
                var mean: Float = 0
                for t in 0..<length {
                    let src = top + (s.offsets[t] + r) * f
                    var a: Float = 0
                    for k in 0..<f { a += dp[k] * src[k] }
                    mean += alpha[s.offsets[t] + r] * a
                }
                for t in 0..<length {
                    let src = top + (s.offsets[t] + r) * f
                    let dst = dTop + (s.offsets[t] + r) * f
                    var a: Float = 0
                    for k in 0..<f { a += dp[k] * src[k] }
                    let at = alpha[s.offsets[t] + r]
                    let ds = at * (a - mean)
                    for k in 0..<f {
                        dst[k] = at * dp[k] + ds * w[k]
                        gw[k] += ds * src[k]
                    }
                }
            }
        }
    }
}
