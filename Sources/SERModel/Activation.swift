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
        // Branch-free, so that the loop vectorises; the same values as `if y < 0 { y = 0 }`
        // (−0 and NaN pass through unchanged).
        case .relu: for k in 0..<count { y[k] = Swift.max(y[k], 0) }
        case .tanh: for k in 0..<count { y[k] = Float(Foundation.tanh(Double(y[k]))) }
        case .linear: break
        }
    }

    /// Multiplies the gradient `dy` by the derivative at each element, read from the
    /// activated output `y` (`count` floats each).
    func backpropagate(output y: UnsafePointer<Float>, gradient dy: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            // Eight lanes at a time (the compiler will not vectorise a loop that reads `y`
            // and writes `dy` through pointers that might alias).
            var k = 0
            while k + 8 <= count {
                let output = UnsafeRawPointer(y + k).loadUnaligned(as: SIMD8<Float>.self)
                var gradient = UnsafeRawPointer(dy + k).loadUnaligned(as: SIMD8<Float>.self)
                gradient.replace(with: 0, where: output .<= 0)
                UnsafeMutableRawPointer(dy + k).storeBytes(of: gradient, as: SIMD8<Float>.self)
                k += 8
            }
            while k < count {
                if y[k] <= 0 { dy[k] = 0 }
                k += 1
            }
        case .tanh: for k in 0..<count { dy[k] *= 1 - y[k] * y[k] }
        case .linear: break
        }
    }
}
