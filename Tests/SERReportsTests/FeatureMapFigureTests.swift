import Foundation
import SERCore
import SERPlot
import Testing

@testable import SERReports

@Suite struct FeatureMapFigureTests {
    @Test func decibelsMatchLibrosaPowerAndAmplitudeToDB() throws {
        // librosa.power_to_db([1, 0.1, 1e-12], ref=np.max, top_db=80) = [0, -10, -80]
        let power = try #require(Matrix(rows: 1, columns: 3, values: [1, 0.1, 1e-12]))
        let db = FeatureMapFigure.decibels(power, amplitude: false).values
        #expect(abs(db[0]) < 1e-5 && abs(db[1] + 10) < 1e-4 && db[2] == -80)
        // librosa.amplitude_to_db([2, 1], ref=np.max) = [0, -6.0206]
        let amplitude = try #require(Matrix(rows: 1, columns: 2, values: [2, 1]))
        let adb = FeatureMapFigure.decibels(amplitude, amplitude: true).values
        #expect(abs(adb[0]) < 1e-5 && abs(adb[1] + 6.0206) < 1e-3)
    }

    @Test func aSpectrogramFromTheHookDrawsWithTimeAndFrequencyAxes() throws {
        // What `ser plot spectrogram` draws from SpectrogramHook.magnitude:
        // [1 + nFFT/2, frames] magnitudes, in dB, 0…sr/2 Hz over the clip's duration.
        let bins = 1 + 512 / 2, frames = 100
        var m = Matrix(rows: bins, columns: frames)
        for b in 0..<bins { for f in 0..<frames { m[b, f] = Float(exp(-Double(abs(b - 40 - f / 4)) / 3)) } }
        let figure = FeatureMapFigure.figure(
            FeatureMapFigure.decibels(m, amplitude: true), secondsPerFrame: 128.0 / 16000, title: "spectrogram",
            yLabel: "frequency (Hz)", yExtent: 0...8000, colorMap: .magma, colorbarLabel: "dB")
        let image = try RasterImage(png: try figure.render(.png))
        #expect(image.distinctColors() > 50)
        let hooked = try SpectrogramHook.magnitude([0, 1], sampleRate: 16000, nFFT: 512, hopLength: 128)
        #expect(hooked.rows == bins && hooked.columns == 1)
        if let out = ProcessInfo.processInfo.environment["SER_PLOT_OUT"] { try figure.write(to: out + "/hook-spectrogram.png") }
    }

    @Test func mfccColourRangeIgnoresCoefficientZero() throws {
        var m = Matrix(rows: 3, columns: 100)
        for f in 0..<100 {
            m[0, f] = -300
            m[1, f] = Float(f) / 10
            m[2, f] = -Float(f) / 10
        }
        let range = try #require(FeatureMapFigure.robustRange(m, skippingRows: 1))
        #expect(range.lowerBound > -10 && range.upperBound < 10)
    }
}
