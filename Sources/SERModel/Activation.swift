import Foundation

/// The element-wise activation of a hidden dense layer.
public enum Activation: String, Sendable, Hashable, Codable, CaseIterable {
    /// `max(0, x)`; derivative taken as 0 at `x = 0` (as Keras and PyTorch do).
    case relu
    /// `tanh(x)`.
    case tanh
    /// The identity.
    case linear
}

extension Activation {
    /// Applies the activation in place to `count` floats.
    func apply(_ y: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu: for k in 0..<count where y[k] < 0 { y[k] = 0 }
        case .tanh: for k in 0..<count { y[k] = Float(Foundation.tanh(Double(y[k]))) }
        case .linear: break
        }
    }

    /// Multiplies the gradient `dy` by the derivative at each element, read from the
    /// activated output `y` (`count` floats each).
    func backpropagate(output y: UnsafePointer<Float>, gradient dy: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu: for k in 0..<count where y[k] <= 0 { dy[k] = 0 }
        case .tanh: for k in 0..<count { dy[k] *= 1 - y[k] * y[k] }
        case .linear: break
        }
    }
}
