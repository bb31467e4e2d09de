/// Parameters of the YIN pitch track (`librosa.yin`), the two `pitch` feature columns.
///
/// Frames are the STFT's: `FeatureConfig.nFFT` samples (librosa's `frame_length`, 2048),
/// hop `FeatureConfig.hopLength` (512 = `frame_length // 4`, yin's default), centred with
/// zero padding. The defaults are librosa's recommended range for `yin`/`pyin`, C2–C7.
public struct PitchConfig: Codable, Sendable, Hashable {
    /// Lowest detectable F0, Hz (`fmin`; default C2 ≈ 65.4 Hz): the longest period tried is
    /// `ceil(sampleRate / fMin)` samples, which must be below `nFFT − 1`.
    public var fMin: Double = 65.406_391_325_149_66
    /// Highest detectable F0, Hz (`fmax`; default C7 ≈ 2093 Hz, at most `sampleRate / 2`):
    /// the shortest period tried is `floor(sampleRate / fMax)` samples.
    public var fMax: Double = 2_093.004_522_404_789
    /// YIN's absolute threshold on the cumulative mean normalised difference
    /// (`trough_threshold`, 0.1): the shortest period whose trough is below it wins, else the
    /// global minimum.
    public var troughThreshold: Double = 0.1

    /// librosa's recommended range and threshold.
    public init() {}

    /// The configuration as canonical JSON (keys sorted, shortest round-trip doubles), as
    /// ``FeatureConfig/canonicalJSON`` nests it.
    var canonicalJSON: String {
        "{\"fMax\":\(fMax.description),\"fMin\":\(fMin.description),\"troughThreshold\":\(troughThreshold.description)}"
    }

    /// Shortest period tried, samples: `floor(sampleRate / fMax)`.
    func minPeriod(sampleRate: Int) -> Int { Int((Double(sampleRate) / fMax).rounded(.down)) }

    /// Longest period tried, samples: `min(ceil(sampleRate / fMin), frameLength − 1)`.
    func maxPeriod(sampleRate: Int, frameLength: Int) -> Int {
        min(Int((Double(sampleRate) / fMin).rounded(.up)), frameLength - 1)
    }
}
