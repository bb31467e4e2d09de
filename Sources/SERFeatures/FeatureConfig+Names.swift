extension FeatureConfig {
    /// Chroma bin names starting at C (`base_c`), or at A otherwise, for 12 bins per octave;
    /// `chroma_0`… for other bin counts.
    private var chromaNames: [String] {
        guard nChroma == 12 else { return (0..<nChroma).map { "chroma_\($0)" } }
        let fromC = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
        let names = chromaBaseC ? fromC : Array(fromC[9...] + fromC[..<9])
        return names.map { "chroma_\($0)" }
    }

    /// The name of every output column, in order: `mfcc_0`…, `chroma_C`…`chroma_B`,
    /// `contrast_0`…`contrast_6`, then `mfcc_delta_0`…, `mfcc_delta2_0`…, `rms`, `zcr`,
    /// `logmel_0`…`logmel_{nMels−1}`, `log2_f0`, `aperiodicity` when enabled. `featureNames.count == dims`.
    public var featureNames: [String] {
        var names: [String] = []
        names += (0..<max(nMFCC, 0)).map { "mfcc_\($0)" }
        if chroma { names += chromaNames }
        if contrast { names += (0...max(contrastBands, 0)).map { "contrast_\($0)" } }
        if deltaOrder >= 1 { names += (0..<max(nMFCC, 0)).map { "mfcc_delta_\($0)" } }
        if deltaOrder >= 2 { names += (0..<max(nMFCC, 0)).map { "mfcc_delta2_\($0)" } }
        if rms { names.append("rms") }
        if zcr { names.append("zcr") }
        if logMel { names += (0..<max(nMels, 0)).map { "logmel_\($0)" } }
        if pitch != nil { names += ["log2_f0", "aperiodicity"] }
        return names
    }

    /// Whether extraction needs the mel power spectrogram (for MFCCs or log-mel).
    var needsMel: Bool { nMFCC > 0 || logMel }

    /// Number of output columns per frame (59 for the default configuration).
    public var dims: Int { featureNames.count }

    /// Number of frames for a clip of `samples` samples: `1 + samples / hopLength` (centred
    /// STFT), 0 for an empty clip.
    public func frameCount(samples: Int) -> Int {
        samples > 0 && hopLength > 0 ? 1 + samples / hopLength : 0
    }
}
