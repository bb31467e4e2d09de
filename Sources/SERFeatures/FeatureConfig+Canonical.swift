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
            ("chromaNorm", Self.quoted(chromaNorm)),
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
            ("melNorm", Self.quoted(melNorm)),
            ("melScale", Self.quoted(melScale)),
            ("nChroma", String(nChroma)),
            ("nFFT", String(nFFT)),
            ("nMFCC", String(nMFCC)),
            ("nMels", String(nMels)),
            ("padMode", Self.quoted(padMode)),
            ("resampler", Self.quoted(resampler)),
            ("rms", String(rms)),
            ("sampleRate", String(sampleRate)),
            ("tuningFMax", tuningFMax.description),
            ("tuningFMin", tuningFMin.description),
            ("tuningResolution", tuningResolution.description),
            ("tuningThreshold", tuningThreshold.description),
            ("window", Self.quoted(window)),
            ("zcr", String(zcr)),
        ]
        if let chromaOctwidth { fields.append(("chromaOctwidth", chromaOctwidth.description)) }
        if let chromaTuning { fields.append(("chromaTuning", chromaTuning.description)) }
        if let dbTopDB { fields.append(("dbTopDB", dbTopDB.description)) }
        if let melFMax { fields.append(("melFMax", melFMax.description)) }
        fields.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// SHA-256 of ``canonicalJSON`` (UTF-8), lowercase hex, 64 characters: the key of the
    /// feature cache. Stable across runs, machines and platforms.
    public var hash: String { SHA256.hex(canonicalJSON) }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
