import Foundation

/// A deterministic, seedable random number generator (xoshiro256**, Blackman & Vigna 2018),
/// seeded through SplitMix64.
///
/// The same seed gives the same stream on every platform, which is what makes runs
/// reproducible. The four-word ``state`` can be saved and restored to resume a stream
/// exactly where it stopped.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
    /// The generator's whole state: four 64-bit words, never all zero.
    public private(set) var state: [UInt64]

    /// Creates a generator from a 64-bit seed (any value, including 0).
    public init(seed: UInt64) {
        var x = seed
        var words: [UInt64] = []
        for _ in 0..<4 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            words.append(z ^ (z >> 31))
        }
        state = words
    }

    /// Restores a generator from a saved ``state``; `nil` if it is not four words or all zero.
    public init?(state: [UInt64]) {
        guard state.count == 4, state.contains(where: { $0 != 0 }) else { return nil }
        self.state = state
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = (state[1] &* 5).rotl(7) &* 9
        let t = state[1] << 17
        state[2] ^= state[0]
        state[3] ^= state[1]
        state[1] ^= state[2]
        state[0] ^= state[3]
        state[2] ^= t
        state[3] = state[3].rotl(45)
        return result
    }

    /// A uniform `Float` in [0, 1) with 24 random bits.
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal sample (mean 0, variance 1) by the Box–Muller transform.
    public mutating func nextGaussian() -> Double {
        var u1 = nextUnitDouble()
        while u1 <= .leastNormalMagnitude { u1 = nextUnitDouble() }
        let u2 = nextUnitDouble()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    /// An independent child stream derived from this seed and a label, e.g. one per fold or
    /// per worker; does not advance `self`.
    public func derived(_ label: UInt64) -> SeededGenerator {
        var mix = SeededGenerator(seed: state[0] ^ (label &* 0xD1B5_4A32_D192_ED03))
        _ = mix.next()
        return mix
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotl(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
