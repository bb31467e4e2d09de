import Foundation
import Testing
@testable import SERFeatures

/// The display spectrogram is the extractor's STFT: a pure tone peaks in its own bin, with
/// librosa's framing (1 + n/hop frames) and Hann-window amplitude (A·nFFT/4 at the peak).
@Suite struct SpectrogramTests {
    @Test func aToneLandsInItsBinWithHannAmplitude() throws {
        let sr = 16_000, nFFT = 512, hop = 128
        let k = 32  // 1000 Hz exactly on bin 32
        let f = Double(k * sr / nFFT)
        let signal = (0..<8000).map { Float(0.5 * sin(2 * Double.pi * f * Double($0) / Double(sr))) }
        let m = try Spectrogram.magnitude(signal, nFFT: nFFT, hop: hop)
        #expect(m.rows == 1 + 8000 / hop && m.columns == nFFT / 2 + 1)
        let middle = m.row(m.rows / 2)
        #expect(middle.firstIndex(of: middle.max() ?? 0) == k)
        #expect(abs(Double(middle[k]) - 0.5 * Double(nFFT) / 4) < 0.5)
        let mel = try Spectrogram.melPower(signal, sampleRate: sr, nFFT: nFFT, hop: hop, nMels: 40)
        #expect(mel.rows == m.rows && mel.columns == 40)
        #expect(mel.values.allSatisfy { $0 >= 0 && $0.isFinite })
        #expect(throws: FeatureError.self) { try Spectrogram.magnitude([], nFFT: nFFT, hop: hop) }
        #expect(throws: FeatureError.self) { try Spectrogram.magnitude([1, .nan], nFFT: nFFT, hop: hop) }
    }
}
