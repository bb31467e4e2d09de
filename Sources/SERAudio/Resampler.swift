internal import CSoxr

/// Sample-rate conversion through libsoxr at "HQ" quality, the resampler librosa uses by
/// default (`res_type='soxr_hq'`).
///
/// Matches python-soxr (1.x), which `librosa.load`/`librosa.resample` call: the same quality
/// spec `soxr_quality_spec(SOXR_HQ, 0)`, float32 interleaved I/O, the default runtime spec,
/// output padded/trimmed to `ceil(n · ratio)`. python-soxr streams in chunks and flushes
/// while this uses `soxr_oneshot`; the samples are identical (SERFeatures' parity tests
/// compare a RAVDESS clip against `librosa.load(sr=22050)`: max difference 0).
///
/// The only file that calls libsoxr. Pure in effect (no I/O) and thread-safe.
public enum Resampler {
    /// Resamples a mono signal from `sourceRate` to `targetRate` (Hz).
    ///
    /// The output has `ceil(count × targetRate / sourceRate)` samples, zero-padded or trimmed
    /// to exactly that length as `librosa.resample(..., fix=True)` does. Equal rates return
    /// the input unchanged.
    ///
    /// - Throws: ``AudioError`` `.resampling` for non-positive rates or a libsoxr failure.
    public static func resample(_ signal: [Float], from sourceRate: Int, to targetRate: Int) throws -> [Float] {
        guard sourceRate > 0, targetRate > 0 else {
            throw AudioError(.resampling, path: "<memory>", "sample rates must be positive (got \(sourceRate) → \(targetRate) Hz)")
        }
        if sourceRate == targetRate || signal.isEmpty { return signal }
        let ratio = Double(targetRate) / Double(sourceRate)
        let outputCount = Int((Double(signal.count) * ratio).rounded(.up))
        var output = [Float](repeating: 0, count: outputCount)
        var produced = 0
        var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
        var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        let error: soxr_error_t? = signal.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                soxr_oneshot(
                    Double(sourceRate), Double(targetRate), 1,
                    input.baseAddress, signal.count, nil,
                    out.baseAddress, outputCount, &produced,
                    &io, &quality, nil)
            }
        }
        if let error {
            throw AudioError(.resampling, path: "<memory>", "libsoxr failed: \(String(cString: error))")
        }
        // Anything past `produced` is already zero: that is librosa's fix_length padding.
        return output
    }
}
