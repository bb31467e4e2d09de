import Foundation

extension SeededGenerator {
    /// A Gamma(`shape`, 1) sample, `shape` > 0 (Marsaglia & Tsang 2000, "A Simple Method for
    /// Generating Gamma Variables"; shapes below 1 via `Gamma(shape + 1)·U^(1/shape)`).
    public mutating func nextGamma(shape: Double) -> Double {
        guard shape > 0, shape.isFinite else { return 0 }
        if shape < 1 {
            let g = nextGamma(shape: shape + 1)
            var u = nextUnitDouble()
            while u <= .leastNormalMagnitude { u = nextUnitDouble() }
            return g * pow(u, 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = nextGaussian()
            let v0 = 1 + c * x
            guard v0 > 0 else { continue }
            let v = v0 * v0 * v0
            let u = nextUnitDouble()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if u > 0, log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A Beta(`a`, `b`) sample in [0, 1] from two Gamma samples; `a`, `b` > 0.
    public mutating func nextBeta(_ a: Double, _ b: Double) -> Double {
        let x = nextGamma(shape: a), y = nextGamma(shape: b)
        return x + y > 0 ? x / (x + y) : 0.5
    }
}
