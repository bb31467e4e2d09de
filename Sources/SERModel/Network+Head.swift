import Foundation
internal import SERLinearAlgebra

extension Network {
    /// Dropout on the pooled vector, the dense layers, softmax, and (for labelled rows) the
    /// weighted, smoothed cross-entropy summed into `s.lossSum` and the argmax hits into
    /// `s.correct`. With `applyDropout == false` the mask is all ones.
    func headForward(_ s: ShardWorkspace, applyDropout: Bool) {
        let b = s.rows, f = config.pooledWidth
        let mask = s.dropoutMask.pointer
        if !applyDropout || config.dropout == 0 { mask.update(repeating: 1, count: b * f) }
        let first = s.dense[0].pointer, pooled = s.pooled.pointer
        for k in 0..<(b * f) { first[k] = pooled[k] * mask[k] }
        let w = UnsafePointer(parameters.pointer)
        for (j, p) in layout.dense.enumerated() {
            let x = s.dense[j].pointer, y = s.dense[j + 1].pointer
            for r in 0..<b { (y + r * p.outputSize).update(from: w + p.bias, count: p.outputSize) }
            BLAS.sgemm(
                m: b, n: p.outputSize, k: p.inputSize, a: x, lda: p.inputSize, b: w + p.kernel, ldb: p.outputSize, beta: 1, c: y,
                ldc: p.outputSize)
            p.activation.apply(y, count: b * p.outputSize)
        }
        softmaxCrossEntropy(s)
    }

    /// Row-wise softmax of the logits into `s.probabilities`, and the loss and hit counts.
    ///
    /// Per row with label `y`: `q = (1-ε)·onehot(y) + ε/C` (blended with the row's soft
    /// target when distilling: ``distilled(_:_:row:class:)``), `loss = w_y · (-Σ_c q_c log p_c)`,
    /// computed from the log-sum-exp for stability; a mixup-mixed row uses ``mixedTarget``.
    func softmaxCrossEntropy(_ s: ShardWorkspace) {
        let b = s.rows, classes = config.classCount
        guard let logitsBuffer = s.dense.last else { return }
        let logits = logitsBuffer.pointer, probabilities = s.probabilities.pointer
        let epsilon = Double(config.labelSmoothing)
        s.lossSum = 0
        s.correct = 0
        for r in 0..<b {
            let z = logits + r * classes, p = probabilities + r * classes
            var maxLogit = -Float.infinity
            var best = 0
            for c in 0..<classes where z[c] > maxLogit {
                maxLogit = z[c]
                best = c
            }
            var total = 0.0
            for c in 0..<classes { total += exp(Double(z[c] - maxLogit)) }
            let logTotal = log(total)
            for c in 0..<classes { p[c] = Float(exp(Double(z[c] - maxLogit) - logTotal)) }
            let label = s.labels[r]
            guard label >= 0 else { continue }
            if best == label { s.correct += 1 }
            let (partner, lambda) = mixture(s, row: r)
            var loss = 0.0
            if lambda < 1 {
                for c in 0..<classes {
                    let a = mixedTarget(c, s, row: r, partner: partner, lambda: Double(lambda), epsilon: epsilon, weighted: s.weighted)
                    if a > 0 { loss -= a * (Double(z[c] - maxLogit) - logTotal) }
                }
                s.lossSum += loss
                continue
            }
            for c in 0..<classes {
                let q = distilled((c == label ? 1 - epsilon : 0) + epsilon / Double(classes), s, row: r, class: c)
                if q > 0 { loss -= q * (Double(z[c] - maxLogit) - logTotal) }
            }
            s.lossSum += (s.weighted ? Double(classWeight(label)) : 1) * loss
        }
    }

    /// Row `r`'s mixup partner row and own weight λ: `(r, 1)` when the batch is not mixed.
    func mixture(_ s: ShardWorkspace, row r: Int) -> (partner: Int, lambda: Float) {
        guard s.mixPartners.count == s.rows, s.mixWeight < 1 else { return (r, 1) }
        let partner = s.mixPartners[r]
        return s.labels[partner] >= 0 ? (partner, s.mixWeight) : (r, 1)
    }

    /// The coefficient `a_c` of `−log p_c` in a mixed row's loss: the targets `q_c` of row
    /// `r` and of its `partner` row (smoothed labels `(1−ε)·[c = y] + ε/C`, distilled when
    /// the batch has soft targets), weighted by their labels' class weights,
    /// `λ·w_y·q_c(r) + (1−λ)·w_{y'}·q_c(partner)`. The gradient with respect to logit `c` is
    /// `(Σ_k a_k)·p_c − a_c`. (Unmixed rows keep the plain formula, so runs without mixup
    /// compute exactly what they did before mixup existed.)
    func mixedTarget(
        _ c: Int, _ s: ShardWorkspace, row r: Int, partner: Int, lambda: Double, epsilon: Double, weighted: Bool
    ) -> Double {
        let classes = Double(config.classCount)
        func part(_ row: Int) -> Double {
            let y = s.labels[row]
            let q = distilled((c == y ? 1 - epsilon : 0) + epsilon / classes, s, row: row, class: c)
            return (weighted ? Double(classWeight(y)) : 1) * q
        }
        return lambda * part(r) + (1 - lambda) * part(partner)
    }

    /// The target `q` of class `c` for row `r` blended with the row's soft target `t_c`,
    /// `(1−β)·q + β·t_c` with β = ``ModelConfig/distillation``, when the batch carries soft
    /// targets; `q` itself otherwise.
    func distilled<F: BinaryFloatingPoint>(_ q: F, _ s: ShardWorkspace, row r: Int, class c: Int) -> F {
        guard let beta = config.distillation, !s.targets.isEmpty else { return q }
        let weight = F(beta)
        return (1 - weight) * q + weight * F(s.targets[r * config.classCount + c])
    }

    /// The loss weight of class `label` (1 without class weights).
    func classWeight(_ label: Int) -> Float {
        config.classWeights?[label] ?? 1
    }

    /// Backward through loss, dense layers and dropout into `s.pooledGrad`; adds the dense
    /// parameters' gradients to `s.gradient`. The loss is divided by `batchSize`.
    func headBackward(_ s: ShardWorkspace, batchSize: Int) {
        let b = s.rows, classes = config.classCount
        let epsilon = config.labelSmoothing
        guard let dLogits = s.denseGrads.last?.pointer else { return }
        let p = s.probabilities.pointer
        for r in 0..<b {
            let label = s.labels[r]
            let (partner, lambda) = mixture(s, row: r)
            if lambda < 1 {
                let total = Float(lambda) * classWeight(label) + (1 - Float(lambda)) * classWeight(s.labels[partner])
                for c in 0..<classes {
                    let a = Float(
                        mixedTarget(c, s, row: r, partner: partner, lambda: Double(lambda), epsilon: Double(epsilon), weighted: true))
                    dLogits[r * classes + c] = (total * p[r * classes + c] - a) / Float(batchSize)
                }
                continue
            }
            let scale = classWeight(label) / Float(batchSize)
            for c in 0..<classes {
                let q = distilled((c == label ? 1 - epsilon : 0) + epsilon / Float(classes), s, row: r, class: c)
                dLogits[r * classes + c] = scale * (p[r * classes + c] - q)
            }
        }
        let w = UnsafePointer(parameters.pointer), grad = s.gradient.pointer
        for (j, layer) in layout.dense.enumerated().reversed() {
            let x = s.dense[j].pointer, y = s.dense[j + 1].pointer
            let dy = s.denseGrads[j + 1].pointer, dx = s.denseGrads[j].pointer
            layer.activation.backpropagate(output: y, gradient: dy, count: b * layer.outputSize)
            BLAS.sgemm(
                transA: true, m: layer.inputSize, n: layer.outputSize, k: b, a: x, lda: layer.inputSize, b: dy,
                ldb: layer.outputSize, beta: 1, c: grad + layer.kernel, ldc: layer.outputSize)
            let gb = grad + layer.bias
            for r in 0..<b {
                for k in 0..<layer.outputSize { gb[k] += dy[r * layer.outputSize + k] }
            }
            BLAS.sgemm(
                transB: true, m: b, n: layer.inputSize, k: layer.outputSize, a: dy, lda: layer.outputSize,
                b: w + layer.kernel, ldb: layer.outputSize, beta: 0, c: dx, ldc: layer.inputSize)
        }
        let f = config.pooledWidth
        let mask = s.dropoutMask.pointer, d0 = s.denseGrads[0].pointer, dp = s.pooledGrad.pointer
        for k in 0..<(b * f) { dp[k] = d0[k] * mask[k] }
    }
}
