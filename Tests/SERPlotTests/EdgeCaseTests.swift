import Foundation
import SERCore
import SERPlot
import Testing

/// Degenerate inputs draw something sensible instead of crashing or producing NaN geometry.
@Suite struct EdgeCaseTests {
    func renders(_ chart: any Chart) throws -> RasterImage {
        let figure = Figure(width: 400, height: 300, panels: [chart])
        _ = try SVGSummary(try figure.render(.svg))
        return try RasterImage(png: try figure.render(.png))
    }

    @Test func singlePointsConstantsNaNsAndEmptyDataRender() throws {
        let one = try renders(LineChart(series: [LineSeries(label: "a", x: [1], y: [0.5])], title: "one epoch", integerX: true))
        #expect(one.inkFraction > 0.01)
        _ = try renders(LineChart(series: [LineSeries(label: "a", x: [1, 2, 3], y: [.nan, .nan, .nan])]))
        _ = try renders(LineChart(series: []))
        _ = try renders(LineChart(series: [LineSeries(label: "flat", x: [1, 2, 3], y: [2, 2, 2])]))
        _ = try renders(BarChart(categories: [], series: []))
        _ = try renders(BarChart(categories: ["a", "b"], series: [BarSeries(label: "z", values: [0, .nan])]))
        _ = try renders(BoxPlot(groups: [(label: "empty", values: []), (label: "one", values: [3])]))
        _ = try renders(ViolinPlot(groups: [(label: "const", values: [1, 1, 1])]))
        _ = try renders(Histogram(groups: [(label: "none", values: [])]))
        _ = try renders(Histogram(groups: [(label: "same", values: [4, 4, 4])]))
        _ = try renders(Heatmap(matrix: Matrix(rows: 0, columns: 0)))
        _ = try renders(
            Heatmap(
                matrix: Matrix(rows: 2, columns: 2, repeating: 7), rowLabels: ["a", "b"], columnLabels: ["a", "b"],
                annotations: ["7", "7", "7", "7"]))
        _ = try renders(WaveformChart(samples: [], sampleRate: 16000))
        _ = try renders(WaveformChart(samples: [0, 0, 0, 0], sampleRate: 16000))
    }

    @Test func longCategoryNamesAreRotatedAndStayInsideTheFigure() throws {
        let names = (1...12).map { "a rather long category name \($0)" }
        let image = try renders(BarChart(categories: names, series: [BarSeries(label: "n", values: names.indices.map(Double.init))]))
        // The bottom row of pixels stays background: labels do not run off the figure.
        let bottom = image.pixels[(image.height - 1) * image.width..<(image.height * image.width)]
        #expect(bottom.allSatisfy { $0 == image.pixels[0] })
    }
}
