import Foundation
import SERPlot
import Testing

@Suite struct ScaleAndStatisticsTests {
    @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(NiceScale.step(span: 10, count: 5) == 2)
        #expect(NiceScale.step(span: 1, count: 5) == 0.2)
        #expect(NiceScale.step(span: 0.52, count: 7) == 0.1)
        #expect(NiceScale.step(span: 1234, count: 5) == 250)
        #expect(NiceScale.step(span: 0, count: 5) == 1)
        #expect(NiceScale.step(span: .nan, count: 5) == 1)
    }

    @Test func ticksCoverTheRangeAtNiceValues() {
        #expect(NiceScale.ticks(lower: 0, upper: 1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceScale.ticks(lower: 0.65, upper: 1.15) == [0.7, 0.8, 0.9, 1.0, 1.1].map { $0 })
        let wide = NiceScale.ticks(lower: -80, upper: 0)
        #expect(wide.first == -80 && wide.last == 0)
        #expect(wide.count >= 4 && wide.count <= 8)
        #expect(NiceScale.ticks(lower: 1, upper: 1) == [1])
    }

    @Test func labelsUseTheSameDecimalsAndNeverNegativeZero() {
        #expect(NiceScale.labels([0, 0.25, 0.5, 0.75, 1]) == ["0.00", "0.25", "0.50", "0.75", "1.00"])
        #expect(NiceScale.labels([-1, -0.5, 0, 0.5]) == ["-1.0", "-0.5", "0.0", "0.5"])
        #expect(NiceScale.labels([0, 5, 10]) == ["0", "5", "10"])
        #expect(NiceScale.labels([0, 200_000, 400_000]) == ["0k", "200k", "400k"])
        #expect(NiceScale.labels([0.0002, 0.0004, 0.0006]) == ["2e-4", "4e-4", "6e-4"])
        #expect(NiceScale.labels([0.00096, 0.00098, 0.001]) == ["0.00096", "0.00098", "0.00100"])
        #expect(!NiceScale.labels([-1e-17, 1]).contains { $0.hasPrefix("-0") })
    }

    @Test func paddedRangeAddsFivePercentAndHandlesSingleValues() {
        let r = NiceScale.paddedRange([0, 10])
        #expect(r.lowerBound == -0.5 && r.upperBound == 10.5)
        // A single value sits mid-axis on 0…2v (ticks no finer than the data; see PaperLayoutTests).
        #expect(NiceScale.paddedRange([3]) == 0...6)
        #expect(NiceScale.paddedRange([]) == 0...1)
        #expect(NiceScale.paddedRange([2, 4], includeZero: true).lowerBound == 0)
    }

    @Test func boxStatisticsMatchNumpyAndMatplotlib() throws {
        // numpy.percentile([1, 2, 3, 4, 5, 6, 7, 8, 100], [25, 50, 75]) = [3, 5, 7];
        // whiskers reach 1 and 8 (≤ 7 + 1.5·4 = 13); 100 is an outlier.
        let s = try #require(BoxStatistics([1, 2, 3, 4, 5, 6, 7, 8, 100, .nan]))
        #expect(s.q1 == 3 && s.median == 5 && s.q3 == 7)
        #expect(s.lowerWhisker == 1 && s.upperWhisker == 8)
        #expect(s.outliers == [100])
        #expect(s.count == 9)
        // numpy.percentile([1, 2, 3, 4], 25) = 1.75
        #expect(BoxStatistics.quantile([1, 2, 3, 4], 0.25) == 1.75)
        #expect(BoxStatistics([]) == nil)
    }

    @Test func histogramCountsEveryFiniteValueOnce() {
        let h = Histogram(groups: [(label: "x", values: [0, 0.1, 0.5, 0.9, 1, .infinity])], bins: 2)
        let (edges, counts) = h.binned()
        #expect(edges == [0, 0.5, 1])
        #expect(counts == [[2, 3]])
    }

    @Test func colorMapsMatchMatplotlibAtKnownPoints() {
        // matplotlib: viridis(0.0) = #440154, viridis(0.5) = #21918c, viridis(1.0) = #fde725;
        // magma(0.0) = #000004, magma(1.0) = #fcfdbf.
        #expect(ColorMap.viridis.color(0).hexString == "#440154")
        #expect(ColorMap.viridis.color(0.5).hexString == "#21918c")
        #expect(ColorMap.viridis.color(1).hexString == "#fde725")
        #expect(ColorMap.magma.color(0).hexString == "#000004")
        #expect(ColorMap.magma.color(1).hexString == "#fcfdbf")
        #expect(ColorMap.viridis.color(-3) == ColorMap.viridis.color(0))
        #expect(ColorMap.viridis.color(.nan) == ColorMap.viridis.color(0))
        #expect(ColorMap.named("MAGMA") == .magma)
        #expect(ColorMap.named("jet") == nil)
    }

    @Test func renderFormatFollowsTheExtension() {
        #expect(RenderFormat(pathExtension: "a/b.SVG") == .svg)
        #expect(RenderFormat(pathExtension: "x.pdf") == .pdf)
        #expect(RenderFormat(pathExtension: "x.jpeg") == nil)
        #expect(RenderFormat(pathExtension: "dir.png/file") == nil)
    }
}
