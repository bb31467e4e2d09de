import Foundation

/// Frequency axes labelled in Hz or kHz: where the ticks of a linear-frequency or a mel-band
/// image go, so that a reader sees frequencies, not bin or band numbers.
public enum FrequencyTicks {
    /// Hz → mel on the Slaney scale (librosa's default, `htk=False`): linear below 1 kHz
    /// (3 mel per 200 Hz), logarithmic above (27 mel per factor 6.4).
    public static func hzToMel(_ hz: Double) -> Double {
        let fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logStep = log(6.4) / 27
        return hz >= minLogHz ? minLogMel + log(hz / minLogHz) / logStep : hz / fSp
    }

    /// mel → Hz on the Slaney scale (inverse of ``hzToMel(_:)``).
    public static func melToHz(_ mel: Double) -> Double {
        let fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logStep = log(6.4) / 27
        return mel >= minLogMel ? minLogHz * exp(logStep * (mel - minLogMel)) : fSp * mel
    }

    /// The centre frequency (Hz) of each of `bands` mel bands between `fMin` and `fMax`
    /// (librosa's `mel_frequencies(n_mels + 2)[1:-1]`: band `i` peaks at point `i + 1`).
    public static func melBandCentres(bands: Int, fMin: Double, fMax: Double) -> [Double] {
        guard bands > 0 else { return [] }
        let lo = hzToMel(fMin), hi = hzToMel(fMax)
        return (1...bands).map { melToHz(lo + (hi - lo) * Double($0) / Double(bands + 1)) }
    }

    /// `"500"`, `"1k"`, `"2.5k"`, `"11k"` (11 025 Hz): a frequency for a tick label, to 100 Hz
    /// above 1 kHz.
    public static func label(_ hz: Double) -> String {
        if hz >= 1000 {
            var text = String(format: "%.1f", hz / 1000)
            if text.hasSuffix(".0") { text.removeLast(2) }
            return text + "k"
        }
        return String(Int(hz.rounded()))
    }

    /// Ticks for a mel-band axis (band `i` at position `i`): at round frequencies (0, 250,
    /// 500, 1k, 2k, 4k, 8k, … Hz, at most `count`, each at the fractional band position where
    /// that frequency lies), labelled in Hz/kHz.
    public static func melAxis(bands: Int, fMin: Double, fMax: Double, count: Int = 7) -> (positions: [Double], labels: [String]) {
        let centres = melBandCentres(bands: bands, fMin: fMin, fMax: fMax)
        guard centres.count > 1, let first = centres.first, let last = centres.last else { return ([], []) }
        let candidates: [Double] = [0, 125, 250, 500, 1000, 2000, 4000, 8000, 16000, 32000]
        var chosen = candidates.filter { $0 >= first && $0 <= last }
        // Thin out to at most `count`, keeping the highest.
        while chosen.count > count { chosen = stride(from: chosen.count - 1, through: 0, by: -2).map { chosen[$0] }.reversed() }
        // Position by linear interpolation in mel between neighbouring band centres.
        let mels = centres.map(hzToMel)
        let positions = chosen.map { hz -> Double in
            let m = hzToMel(hz)
            guard let upper = mels.firstIndex(where: { $0 >= m }) else { return Double(bands - 1) }
            if upper == 0 { return 0 }
            let a = mels[upper - 1], b = mels[upper]
            return Double(upper - 1) + (b > a ? (m - a) / (b - a) : 0)
        }
        return (positions, chosen.map(label))
    }
}
