/// Every parameter of feature extraction, as one value with a stable hash.
///
/// The defaults are the seed pipeline's feature set, librosa 0.11 defaults throughout:
/// 40 MFCC + 12 chroma + 7 spectral-contrast values per frame (59 dims) at 22,050 Hz,
/// computed from one STFT (`n_fft` 2048, hop 512, periodic Hann, centred with zero padding).
///
/// Two configurations produce the same numbers exactly when their ``canonicalJSON`` (and so
/// their ``hash``) are equal; the feature cache is keyed by ``hash``. Bump
/// ``algorithmVersion`` whenever a change to the code changes the numbers.
///
/// Fields that name an algorithm (`window`, `padMode`, `melScale`, …) record the choice for
/// provenance; only the librosa defaults are implemented and ``validate()`` rejects others.
public struct FeatureConfig: Codable, Sendable, Hashable {
    /// Version of the extraction code's numerics; part of the hash. Currently 1.
    public var algorithmVersion: Int = 1

    // MARK: Input

    /// Sample rate of the audio handed to the extractor, Hz (the caller resamples to it).
    public var sampleRate: Int = 22_050
    /// How the caller resamples to ``sampleRate``: `"soxr_hq"` (librosa's default
    /// `res_type`, libsoxr HQ). Recorded for provenance; the extractor itself never resamples.
    public var resampler: String = "soxr_hq"
    /// Speed perturbation (Ko et al. 2015, "Audio Augmentation for Speech Recognition", as in
    /// Kaldi's `sox speed`): the audio plays `speedFactor` times faster, tempo and pitch
    /// together, by resampling it to ``resampleRate`` (`sampleRate / speedFactor`) and reading
    /// the result as `sampleRate` audio. `nil` (the default, omitted from the hash) = none.
    /// Used for training-time copies of a corpus; the features of a clip as recorded have none.
    public var speedFactor: Double? = nil

    // MARK: STFT

    /// FFT length in samples (also the window length). Even, ≥ 16.
    public var nFFT: Int = 2_048
    /// Hop between frames in samples. A clip of `n` samples gives `1 + n / hopLength` frames.
    public var hopLength: Int = 512
    /// Window: `"hann"` (periodic, `scipy.signal.get_window('hann', nFFT, fftbins=True)`).
    public var window: String = "hann"
    /// Centred frames: frame `t` is centred on sample `t · hopLength`. Only `true`.
    public var center: Bool = true
    /// Padding outside the signal when centring: `"constant"` (zeros). Only that.
    public var padMode: String = "constant"

    // MARK: Mel and MFCC

    /// Number of mel bands.
    public var nMels: Int = 128
    /// Lowest mel filter edge, Hz.
    public var melFMin: Double = 0
    /// Highest mel filter edge, Hz; `nil` means `sampleRate / 2`.
    public var melFMax: Double? = nil
    /// Mel scale: `"slaney"` (librosa `htk=False`: linear below 1 kHz, logarithmic above).
    public var melScale: String = "slaney"
    /// Filter normalisation: `"slaney"` (each triangle divided by its width in Hz / 2).
    public var melNorm: String = "slaney"
    /// `power_to_db` reference power (dB are relative to it).
    public var dbRef: Double = 1
    /// `power_to_db` floor: powers below it count as `amin` (1e-10 → −100 dB).
    public var dbAmin: Double = 1e-10
    /// `power_to_db` dynamic range, dB: values below the clip's maximum minus this are raised
    /// to it. `nil` disables the clamp.
    public var dbTopDB: Double? = 80
    /// Number of MFCCs kept (orthonormal DCT-II of the mel dB spectrum); 0 disables MFCC.
    public var nMFCC: Int = 40

    // MARK: Chroma

    /// Whether to compute `chroma_stft`.
    public var chroma: Bool = true
    /// Chroma bins per octave.
    public var nChroma: Int = 12
    /// Tuning offset in fractions of a chroma bin; `nil` estimates it per clip as librosa's
    /// `estimate_tuning` does (`piptrack` peaks, median magnitude threshold, histogram).
    public var chromaTuning: Double? = nil
    /// Resolution of the tuning histogram, fractions of a bin.
    public var tuningResolution: Double = 0.01
    /// `piptrack` lowest frequency, Hz.
    public var tuningFMin: Double = 150
    /// `piptrack` highest frequency, Hz (clamped to `sampleRate / 2`).
    public var tuningFMax: Double = 4_000
    /// `piptrack` threshold relative to each frame's maximum.
    public var tuningThreshold: Double = 0.1
    /// Centre of the chroma filters' Gaussian octave weighting, in octaves above 27.5 Hz
    /// (librosa `ctroct`; 5 = 880 Hz).
    public var chromaCtroct: Double = 5
    /// Width of that Gaussian octave weighting, octaves (`octwidth`); `nil` disables it.
    public var chromaOctwidth: Double? = 2
    /// Start the chroma bins at C (`base_c`) rather than A.
    public var chromaBaseC: Bool = true
    /// Per-frame normalisation: `"inf"` (divide by the frame's maximum).
    public var chromaNorm: String = "inf"

    // MARK: Spectral contrast

    /// Whether to compute `spectral_contrast` (`contrastBands + 1` values per frame).
    public var contrast: Bool = true
    /// Number of octave bands above the lowest one.
    public var contrastBands: Int = 6
    /// Upper edge of the lowest band, Hz; band `k ≥ 1` spans `[fmin·2^(k−1), fmin·2^k]`.
    public var contrastFMin: Double = 200
    /// Fraction of each band's bins averaged for the peak and for the valley.
    public var contrastQuantile: Double = 0.02

    // MARK: Extras

    /// MFCC deltas: 0 none, 1 adds Δ, 2 adds Δ and ΔΔ (Savitzky–Golay, librosa `delta`).
    public var deltaOrder: Int = 0
    /// Delta window width in frames (odd, ≥ 3).
    public var deltaWidth: Int = 9
    /// Whether to add the RMS energy per frame (time-domain, zero-padded frames of `nFFT`).
    public var rms: Bool = false
    /// Whether to add the zero-crossing rate per frame (edge-padded frames of `nFFT`).
    public var zcr: Bool = false
    /// Whether to add the log-mel spectrogram, `librosa.power_to_db(melspectrogram(y, sr))`:
    /// ``nMels`` values per frame in dB (ref ``dbRef``, floor ``dbAmin``, clamped ``dbTopDB``
    /// below the clip's maximum): exactly the MFCCs' input, before the DCT. Omitted from
    /// the hash when off, so the configurations that predate it keep their cache keys.
    public var logMel: Bool = false
    /// The YIN pitch track (`librosa.yin`) as two columns per frame: `log2_f0`, log₂ of the
    /// F0 estimate in Hz, and `aperiodicity`, YIN's cumulative mean normalised difference at
    /// the chosen period (near 0 for a periodic, voiced frame; near or above 1 for noise or
    /// silence). `nil` (the default, omitted from the hash) = off.
    public var pitch: PitchConfig? = nil

    /// The seed-compatible default: 40 MFCC + 12 chroma + 7 contrast = 59 dims at 22,050 Hz.
    public init() {}

    /// The default set at another sample rate (e.g. a corpus's native rate).
    public init(sampleRate: Int) {
        self.sampleRate = sampleRate
    }

    /// The rate the caller resamples audio to before extraction, Hz: ``sampleRate``, or
    /// `sampleRate / speedFactor` rounded to whole Hz under speed perturbation.
    public var resampleRate: Int {
        guard let speedFactor, speedFactor > 0, speedFactor.isFinite else { return sampleRate }
        return Int((Double(sampleRate) / speedFactor).rounded())
    }

    /// The upper mel edge actually used, Hz.
    public var effectiveMelFMax: Double { melFMax ?? Double(sampleRate) / 2 }
}

extension FeatureConfig {
    /// Decodes what ``canonicalJSON`` (or `JSONEncoder`) wrote: every field required as
    /// before, except the optionals (absent = `nil`, as ``pitch`` in the configurations
    /// stored before it existed) and ``logMel`` (absent = off, likewise).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        algorithmVersion = try c.decode(Int.self, forKey: .algorithmVersion)
        sampleRate = try c.decode(Int.self, forKey: .sampleRate)
        resampler = try c.decode(String.self, forKey: .resampler)
        speedFactor = try c.decodeIfPresent(Double.self, forKey: .speedFactor)
        nFFT = try c.decode(Int.self, forKey: .nFFT)
        hopLength = try c.decode(Int.self, forKey: .hopLength)
        window = try c.decode(String.self, forKey: .window)
        center = try c.decode(Bool.self, forKey: .center)
        padMode = try c.decode(String.self, forKey: .padMode)
        nMels = try c.decode(Int.self, forKey: .nMels)
        melFMin = try c.decode(Double.self, forKey: .melFMin)
        melFMax = try c.decodeIfPresent(Double.self, forKey: .melFMax)
        melScale = try c.decode(String.self, forKey: .melScale)
        melNorm = try c.decode(String.self, forKey: .melNorm)
        dbRef = try c.decode(Double.self, forKey: .dbRef)
        dbAmin = try c.decode(Double.self, forKey: .dbAmin)
        dbTopDB = try c.decodeIfPresent(Double.self, forKey: .dbTopDB)
        nMFCC = try c.decode(Int.self, forKey: .nMFCC)
        chroma = try c.decode(Bool.self, forKey: .chroma)
        nChroma = try c.decode(Int.self, forKey: .nChroma)
        chromaTuning = try c.decodeIfPresent(Double.self, forKey: .chromaTuning)
        tuningResolution = try c.decode(Double.self, forKey: .tuningResolution)
        tuningFMin = try c.decode(Double.self, forKey: .tuningFMin)
        tuningFMax = try c.decode(Double.self, forKey: .tuningFMax)
        tuningThreshold = try c.decode(Double.self, forKey: .tuningThreshold)
        chromaCtroct = try c.decode(Double.self, forKey: .chromaCtroct)
        chromaOctwidth = try c.decodeIfPresent(Double.self, forKey: .chromaOctwidth)
        chromaBaseC = try c.decode(Bool.self, forKey: .chromaBaseC)
        chromaNorm = try c.decode(String.self, forKey: .chromaNorm)
        contrast = try c.decode(Bool.self, forKey: .contrast)
        contrastBands = try c.decode(Int.self, forKey: .contrastBands)
        contrastFMin = try c.decode(Double.self, forKey: .contrastFMin)
        contrastQuantile = try c.decode(Double.self, forKey: .contrastQuantile)
        deltaOrder = try c.decode(Int.self, forKey: .deltaOrder)
        deltaWidth = try c.decode(Int.self, forKey: .deltaWidth)
        rms = try c.decode(Bool.self, forKey: .rms)
        zcr = try c.decode(Bool.self, forKey: .zcr)
        logMel = try c.decodeIfPresent(Bool.self, forKey: .logMel) ?? false
        pitch = try c.decodeIfPresent(PitchConfig.self, forKey: .pitch)
    }
}
