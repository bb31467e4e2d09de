internal import SERKernels

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `librosa.power_to_db`: `10·log10(max(amin, S)) − 10·log10(max(amin, ref))`, then values
/// below `max − topDB` (the maximum over the whole array, i.e. the clip) raised to it.
///
/// Silence (all zeros) gives `10·log10(amin)` everywhere (−100 dB for the default), never
/// NaN or −∞.
enum Decibel {
    /// In place over float32 values, in float32 arithmetic as librosa does for float32 input.
    /// The logarithm is SERKernels' vectorised one (within 3 ulp of `10·log10f`, ≤ 1e-4 dB
    /// on any value; numpy's own float32 log10 is a SIMD routine that differs from libm too).
    static func powerToDB(_ values: UnsafeMutableBufferPointer<Float>, ref: Double, amin: Double, topDB: Double?) {
        guard let base = values.baseAddress, !values.isEmpty else { return }
        let offset = Float(10 * log10(max(amin, ref)))
        let peak = ser_power_to_db(base, values.count, Float(amin), offset)
        if let topDB {
            let lowest = peak - Float(topDB)
            for i in values.indices where values[i] < lowest { values[i] = lowest }
        }
    }

    /// In place over double values (librosa's spectral contrast keeps its peaks and valleys
    /// in float64).
    static func powerToDB(_ values: inout [Double], ref: Double, amin: Double, topDB: Double?) {
        guard !values.isEmpty else { return }
        let offset = 10 * log10(max(amin, ref))
        var peak = -Double.infinity
        for i in values.indices {
            let db = 10 * log10(max(amin, values[i])) - offset
            values[i] = db
            peak = max(peak, db)
        }
        if let topDB {
            let lowest = peak - topDB
            for i in values.indices where values[i] < lowest { values[i] = lowest }
        }
    }
}
