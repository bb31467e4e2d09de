import Foundation
import SERCore
import SERPlot
import Testing

@Suite struct ChartRenderingTests {
    @Test func lineChartOfTrainingCurvesRenders() throws {
        let epochs = (1...30).map(Double.init)
        let train = epochs.map { 1.9 * exp(-$0 / 8) + 0.2 }
        let val = epochs.map { 1.9 * exp(-$0 / 10) + 0.35 + 0.002 * $0 }
        let chart = LineChart(
            series: [
                LineSeries(label: "train", x: epochs, y: train),
                LineSeries(label: "validation", x: epochs, y: val, dash: LineSeries.dashed),
            ],
            title: "Loss", xLabel: "epoch", yLabel: "cross-entropy", integerX: true, markers: [(x: 21, label: "best")])
        try RenderCheck.check(chart.figure(), name: "line")
    }

    @Test func groupedBarChartRenders() throws {
        let emotions = ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised"]
        let chart = BarChart(
            categories: emotions,
            series: [
                BarSeries(label: "run 1", values: [0.5, 0.7, 0.4, 0.45, 0.8, 0.6, 0.55, 0.65]),
                BarSeries(label: "run 2", values: [0.55, 0.72, 0.5, 0.4, 0.85, 0.58, 0.6, 0.7]),
            ], title: "F1 per emotion", yLabel: "F1", yRange: 0...1, valueLabels: true)
        try RenderCheck.check(chart.figure(), name: "bars")
    }

    @Test func heatmapWithAnnotationsAndColorbarRenders() throws {
        let labels = ["angry", "happy", "neutral", "sad"]
        let counts: [Float] = [20, 3, 1, 0, 4, 15, 2, 3, 0, 2, 18, 4, 1, 1, 5, 17]
        let matrix = try #require(Matrix(rows: 4, columns: 4, values: counts))
        let notes = counts.map { String(Int($0)) }
        let chart = Heatmap(
            matrix: matrix, rowLabels: labels, columnLabels: labels, colorMap: .blues, annotations: notes,
            colorbarLabel: "clips", title: "Confusion", xLabel: "predicted", yLabel: "true")
        try RenderCheck.check(chart.figure(width: 560, height: 480), name: "confusion")
    }

    @Test func largeHeatmapWithNumericAxesRendersAsAnImage() throws {
        var m = Matrix(rows: 128, columns: 300)
        for r in 0..<128 { for c in 0..<300 { m[r, c] = Float(-80 + 80 * exp(-Double(r) / 30) * (0.6 + 0.4 * sin(Double(c) / 9))) } }
        let chart = Heatmap(
            matrix: m, xExtent: 0...3, yExtent: 0...8000, colorMap: .magma, colorbarLabel: "dB", title: "Spectrogram",
            xLabel: "time (s)", yLabel: "frequency (Hz)", originLower: true)
        try RenderCheck.check(chart.figure(), name: "spectrogram", minColors: 50)
    }

    @Test func boxPlotAndHistogramRender() throws {
        var rng = SeededGenerator(seed: 7)
        let groups = ["angry", "happy", "sad"].enumerated().map { i, label in
            (label: label, values: (0..<40).map { _ in Double(i) + Double.random(in: -1...1, using: &rng) } + [Double(i) + 4])
        }
        try RenderCheck.check(BoxPlot(groups: groups, title: "mfcc 1", yLabel: "mean value").figure(), name: "box")
        try RenderCheck.check(
            Histogram(groups: [(label: "duration", values: groups.flatMap(\.values))], title: "Durations", xLabel: "seconds").figure(),
            name: "histogram")
    }

    @Test func waveformDrawsTheEnvelope() throws {
        let rate = 16000.0
        let samples = (0..<32000).map { i in Float(0.6 * sin(2 * Double.pi * 220 * Double(i) / rate) * sin(Double.pi * Double(i) / 32000)) }
        let chart = WaveformChart(samples: samples, sampleRate: rate, title: "tone")
        let env = chart.envelope(columns: 100)
        #expect(env.count == 100)
        #expect(abs(Double(env[50].max) - 0.6) < 0.02)
        #expect(abs(Double(env[50].min) + 0.6) < 0.02)
        try RenderCheck.check(Figure(width: 800, height: 300, panels: [chart]), name: "waveform")
    }

    @Test func multiPanelFigureWithTitleRenders() throws {
        let bars = BarChart(
            categories: ["a", "b", "c"], series: [BarSeries(label: "n", values: [3, 5, 2])], title: "counts", colorByCategory: true)
        let hist = Histogram(groups: [(label: "x", values: [1, 2, 2, 3, 3, 3, 4])], title: "hist")
        try RenderCheck.check(Figure(width: 900, height: 400, title: "Dataset", panels: [bars, hist], columns: 2), name: "panels")
    }

    @Test func pngScaleMultipliesPixels() throws {
        let chart = BarChart(categories: ["a"], series: [BarSeries(label: "n", values: [1])])
        let image = try RasterImage(png: chart.figure(width: 200, height: 100).render(.png, scale: 2))
        #expect(image.width == 400 && image.height == 200)
    }
}

@Suite struct ViolinTests {
    @Test func densityIntegratesToOneAndPeaksAtTheMode() {
        let values = [0.0, 0.1, -0.1, 0.05, -0.05, 0.2, -0.2, 3]
        let grid = stride(from: -5.0, through: 8.0, by: 0.01).map { $0 }
        let density = ViolinPlot.density(values, at: grid)
        let integral = density.reduce(0, +) * 0.01
        #expect(abs(integral - 1) < 0.01)
        let mode = grid[density.indices.max { density[$0] < density[$1] } ?? 0]
        #expect(abs(mode) < 0.3)
        #expect(ViolinPlot.density([2, 2, 2], at: [2]) == [0])
    }

    @Test func violinPlotRenders() throws {
        var rng = SeededGenerator(seed: 3)
        let groups = ["angry", "happy", "sad", "calm"].enumerated().map { i, label in
            (label: label, values: (0..<60).map { _ in Double(i) + Double.random(in: -1...1, using: &rng) * Double(i + 1) / 2 })
        }
        try RenderCheck.check(ViolinPlot(groups: groups, title: "violins", yLabel: "value").figure(), name: "violin")
    }
}
