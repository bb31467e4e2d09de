internal import CSoxr

/// Sample-rate conversion through libsoxr at "HQ" quality, the resampler librosa uses by
/// default (`res_type='soxr_hq'`).
///
/// Matches python-soxr (1.x), which `librosa.load`/`librosa.resample` call: the same quality
/// spec `soxr_quality_spec(SOXR_HQ, 0)`, float32 interleaved I/O, the default runtime spec,
/// output padded/trimmed to `ceil(n · ratio)`, input fed in python-soxr's chunks of
/// `48000 · in/out` samples and then flushed (a little faster than `soxr_oneshot`, same
/// samples). SERFeatures' parity tests compare a RAVDESS clip against
/// `librosa.load(sr=22050)`: max difference 0.
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
        var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
        var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var creationError: soxr_error_t?
        guard let soxr = soxr_create(Double(sourceRate), Double(targetRate), 1, &creationError, &io, &quality, nil) else {
            let reason = creationError.map { String(cString: $0) } ?? "unknown error"
            throw AudioError(.resampling, path: "<memory>", "libsoxr failed: \(reason)")
        }
        defer { soxr_delete(soxr) }
        // python-soxr's `resample`: chunks of 48000·in/out input samples, then a flush.
        let chunk = max(1, Int(48_000 * Double(sourceRate) / Double(targetRate)))
        var produced = 0
        var error: soxr_error_t?
        signal.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                guard let inBase = input.baseAddress, let outBase = out.baseAddress else { return }
                var index = 0
                var done = 0
                while index < input.count, error == nil {
                    error = soxr_process(
                        soxr, inBase + index, min(chunk, input.count - index), nil,
                        outBase + produced, outputCount - produced, &done)
                    produced += done
                    index += chunk
                }
                if error == nil {
                    error = soxr_process(soxr, nil, 0, nil, outBase + produced, outputCount - produced, &done)
                    produced += done
                }
            }
        }
        if let error {
            throw AudioError(.resampling, path: "<memory>", "libsoxr failed: \(String(cString: error))")
        }
        // Anything past `produced` is already zero: that is librosa's fix_length padding.
        return output
    }
}
