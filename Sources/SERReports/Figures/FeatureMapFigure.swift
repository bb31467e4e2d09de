import Foundation
public import SERCore
public import SERPlot

/// Time–frequency pictures (spectrograms, MFCC, chroma) as heatmaps with a time axis in
/// seconds and a colourbar.
public enum FeatureMapFigure {
    /// - Parameters:
    ///   - matrix: `[rows, frames]`, row 0 drawn at the bottom.
    ///   - secondsPerFrame: hop / sample rate; `nil` labels the x axis in frames.
    ///   - yExtent: the data range the rows cover (e.g. `0...sr/2` Hz); `nil` uses row indices.
    public static func figure(
        _ matrix: Matrix, secondsPerFrame: Double?, title: String, yLabel: String, rowLabels: [String]? = nil,
        yExtent: ClosedRange<Double>? = nil, colorMap: ColorMap, valueRange: ClosedRange<Double>? = nil,
        colorbarLabel: String?, yTicks: (positions: [Double], labels: [String])? = nil
    ) -> Figure {
        Figure(
            width: 900, height: 420,
            panels: [
                heatmap(
                    matrix, secondsPerFrame: secondsPerFrame, title: title, yLabel: yLabel, rowLabels: rowLabels, yExtent: yExtent,
                    colorMap: colorMap, valueRange: valueRange, colorbarLabel: colorbarLabel, yTicks: yTicks)
            ])
    }

    /// The panel of ``figure(_:secondsPerFrame:title:yLabel:rowLabels:yExtent:colorMap:valueRange:colorbarLabel:yTicks:)``.
    public static func heatmap(
        _ matrix: Matrix, secondsPerFrame: Double?, title: String?, yLabel: String, rowLabels: [String]? = nil,
        yExtent: ClosedRange<Double>? = nil, colorMap: ColorMap, valueRange: ClosedRange<Double>? = nil,
        colorbarLabel: String?, yTicks: (positions: [Double], labels: [String])? = nil
    ) -> Heatmap {
        let frames = Double(max(1, matrix.columns))
        var heatmap = Heatmap(
            matrix: matrix, rowLabels: rowLabels, columnLabels: nil,
            xExtent: secondsPerFrame.map { 0...(frames * $0) } ?? 0...frames,
            yExtent: yExtent ?? -0.5...(Double(max(1, matrix.rows)) - 0.5),
            colorMap: colorMap, valueRange: valueRange, colorbarLabel: colorbarLabel, title: title,
            xLabel: secondsPerFrame == nil ? "frame" : "time (s)", yLabel: yLabel, originLower: true)
        heatmap.yTicks = yTicks
        return heatmap
    }

    /// The y axis of a mel-band image: ticks at round frequencies, placed where those
    /// frequencies fall among the band centres (Slaney mel scale, `fMin…fMax` Hz), in Hz/kHz.
    public static func melTicks(bands: Int, sampleRate: Double, fMin: Double = 0, fMax: Double? = nil) -> (
        positions: [Double], labels: [String]
    ) {
        FrequencyTicks.melAxis(bands: bands, fMin: fMin, fMax: fMax ?? sampleRate / 2)
    }

    /// The mel-band image's axis title.
    public static let melAxisLabel = "frequency (Hz, mel scale)"

    /// `10·log10(max(x, 1e-10) / max(X))` floored at `max − topDB` (librosa `power_to_db`
    /// with `ref=np.max`); `amplitude` squares first (`amplitude_to_db`). Values in dB.
    /// With `reference` (a power): dB relative to it, floored at −`topDB`, so that several
    /// clips drawn against one reference compare in loudness.
    public static func decibels(_ m: Matrix, amplitude: Bool, topDB: Float = 80, reference: Float? = nil) -> Matrix {
        let power = amplitude ? m.values.map { $0 * $0 } : m.values
        let ref = max(reference ?? (power.max() ?? 1), 1e-10)
        var db = power.map { 10 * log10(max($0, 1e-10) / ref) }
        let floor = reference == nil ? (db.max() ?? 0) - topDB : -topDB
        db = db.map { max($0, floor) }
        return Matrix(rows: m.rows, columns: m.columns, values: db) ?? m
    }

    /// `m` widened to `columns` columns, new cells at the matrix's minimum (silence): clips
    /// of different lengths on one time scale.
    public static func padded(_ m: Matrix, columns: Int) -> Matrix {
        guard columns > m.columns else { return m }
        let fill = m.values.filter(\.isFinite).min() ?? 0
        var out = Matrix(rows: m.rows, columns: columns)
        for r in 0..<m.rows {
            for c in 0..<columns { out[r, c] = c < m.columns ? m[r, c] : fill }
        }
        return out
    }

    /// The 1st…99th percentile of the finite values of rows `skippingRows…`: a colour range
    /// that one extreme row (MFCC 0, the log energy) does not flatten.
    public static func robustRange(_ m: Matrix, skippingRows skip: Int = 0) -> ClosedRange<Double>? {
        let start = m.rows > skip ? skip * m.columns : 0
        let sorted = m.values[start...].filter(\.isFinite).map(Double.init).sorted()
        guard sorted.count > 2 else { return nil }
        let lo = BoxStatistics.quantile(sorted, 0.01), hi = BoxStatistics.quantile(sorted, 0.99)
        return hi > lo ? lo...hi : nil
    }

    /// Pitch-class names for 12 chroma bins starting at C.
    public static let pitchClasses = ["C", "C♯", "D", "D♯", "E", "F", "F♯", "G", "G♯", "A", "A♯", "B"]
}
