import Foundation
internal import SERKernels

/// Applies one update of Adam, AdamW or SGD with momentum to the flat parameter vector.
struct Optimizer {
    let config: OptimizerConfig
    /// `(offset, count, decays)` of each tensor, for AdamW's kernel-only decay.
    let ranges: [(offset: Int, count: Int, decays: Bool)]
    var state: OptimizerState

    init(config: OptimizerConfig, layout: ParameterLayout) {
        self.config = config
        ranges = layout.tensors.map { ($0.offset, $0.count, $0.decays) }
        let count = layout.count
        state = OptimizerState(
            step: 0, first: [Float](repeating: 0, count: count),
            second: config.kind == .sgd ? [] : [Float](repeating: 0, count: count),
            average: config.emaMomentum == nil ? [] : [Float](repeating: 0, count: count))
    }

    /// `parameters -= update(gradient)` at learning rate `rate`; advances the step.
    mutating func apply(parameters: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>, rate: Float) {
        state.step += 1
        let c = config
        let count = state.first.count
        if c.weightDecay > 0 && c.kind != .adamW {
            for k in 0..<count { gradient[k] += c.weightDecay * parameters[k] }
        }
        if c.kind == .adamW && c.weightDecay > 0 {
            let factor = rate * c.weightDecay
            for range in ranges where range.decays {
                let p = parameters + range.offset
                for k in 0..<range.count { p[k] -= p[k] * factor }
            }
        }
        switch c.kind {
        case .sgd:
            state.first.withUnsafeMutableBufferPointer { v in
                for k in 0..<count {
                    v[k] = c.momentum * v[k] - rate * gradient[k]
                    parameters[k] += v[k]
                }
            }
        case .adam, .adamW:
            let t = Double(state.step)
            let alpha = Float(Double(rate) * (1 - pow(Double(c.beta2), t)).squareRoot() / (1 - pow(Double(c.beta1), t)))
            let b1 = 1 - c.beta1, b2 = 1 - c.beta2, eps = c.epsilon
            state.first.withUnsafeMutableBufferPointer { m in
                state.second.withUnsafeMutableBufferPointer { v in
                    guard let m = m.baseAddress, let v = v.baseAddress else { return }
                    // m += (g − m)·b1, v += (g² − v)·b2, p −= m·α / (√v + ε), vectorised in C.
                    ser_adam_step(parameters, gradient, m, v, count, alpha, b1, b2, eps)
                }
            }
        }
        if let mu = c.emaMomentum {
            updateAverage(parameters: parameters, momentum: state.step == 1 ? 0 : mu)
        }
    }

    /// `average = μ·average + (1 − μ)·parameters` (`μ = 0`: a copy).
    private mutating func updateAverage(parameters: UnsafePointer<Float>, momentum mu: Float) {
        let rest = 1 - mu
        state.average.withUnsafeMutableBufferPointer { a in
            for k in a.indices { a[k] = mu * a[k] + rest * parameters[k] }
        }
    }
}
