import SERCore

extension FeatureConfig {
    /// The configuration as canonical JSON: one object, keys sorted, no whitespace, absent
    /// optionals omitted, integers as integers, doubles in Swift's shortest round-trip form
    /// (`80.0`, `1e-10`), booleans as `true`/`false`.
    ///
    /// Written by hand rather than by `JSONEncoder` so the bytes cannot drift with the
    /// Foundation version or platform; `JSONDecoder` reads it back to an equal value.
    public var canonicalJSON: String {
        var fields: [(String, String)] = [
            ("algorithmVersion", String(algorithmVersion)),
            ("center", String(center)),
            ("chroma", String(chroma)),
            ("chromaBaseC", String(chromaBaseC)),
            ("chromaCtroct", chromaCtroct.description),
            ("chromaNorm", JSONString.quoted(chromaNorm)),
            ("contrast", String(contrast)),
            ("contrastBands", String(contrastBands)),
            ("contrastFMin", contrastFMin.description),
            ("contrastQuantile", contrastQuantile.description),
            ("dbAmin", dbAmin.description),
            ("dbRef", dbRef.description),
            ("deltaOrder", String(deltaOrder)),
            ("deltaWidth", String(deltaWidth)),
            ("hopLength", String(hopLength)),
            ("melFMin", melFMin.description),
            ("melNorm", JSONString.quoted(melNorm)),
            ("melScale", JSONString.quoted(melScale)),
            ("nChroma", String(nChroma)),
            ("nFFT", String(nFFT)),
            ("nMFCC", String(nMFCC)),
            ("nMels", String(nMels)),
            ("padMode", JSONString.quoted(padMode)),
            ("resampler", JSONString.quoted(resampler)),
            ("rms", String(rms)),
            ("sampleRate", String(sampleRate)),
            ("tuningFMax", tuningFMax.description),
            ("tuningFMin", tuningFMin.description),
            ("tuningResolution", tuningResolution.description),
            ("tuningThreshold", tuningThreshold.description),
            ("window", JSONString.quoted(window)),
            ("zcr", String(zcr)),
        ]
        if let chromaOctwidth { fields.append(("chromaOctwidth", chromaOctwidth.description)) }
        if let chromaTuning { fields.append(("chromaTuning", chromaTuning.description)) }
        if let dbTopDB { fields.append(("dbTopDB", dbTopDB.description)) }
        // Added after caches were keyed: present only when on, so older hashes stay valid.
        if logMel { fields.append(("logMel", "true")) }
        if let melFMax { fields.append(("melFMax", melFMax.description)) }
        if let pitch { fields.append(("pitch", pitch.canonicalJSON)) }
        if let speedFactor { fields.append(("speedFactor", speedFactor.description)) }
        fields.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// SHA-256 of ``canonicalJSON`` (UTF-8), lowercase hex, 64 characters: the key of the
    /// feature cache. Stable across runs, machines and platforms.
    public var hash: String { SHA256.hex(canonicalJSON) }
}
