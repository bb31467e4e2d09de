import Foundation
import SERCore
import SERPlot
import SERTestSupport
import Testing

/// Figures a paper can take as they are: real SVG text, nothing clipped, legends off the
/// data, ticks no finer than the data, frequencies in Hz, PNG density and PDF fonts.
@Suite struct PaperLayoutTests {
    /// Twelve curves oscillating out of phase over the whole plot: no corner is free.
    static func crowdedCurves() -> LineChart {
        let epochs = (1...40).map(Double.init)
        let series = (0..<12).map { k in
            LineSeries(
                label: "run \(k + 1) \(k % 2 == 0 ? "train" : "validation")", x: epochs,
                y: epochs.map { 0.5 + 0.45 * sin($0 / 3 + Double(k) * 0.52) },
                dash: k % 2 == 0 ? [] : LineSeries.dashed)
        }
        return LineChart(series: series, title: "Loss", xLabel: "epoch", yLabel: "cross-entropy loss", integerX: true)
    }

    @Test func svgTextIsRealTextNotGlyphOutlines() throws {
        let figure = Figure(width: 600, height: 400, title: "Training & <validation>", panels: [Self.crowdedCurves()])
        let svg = try SVGLayoutParser(try figure.render(.svg))
        #expect(svg.glyphUses == 0, "cairo glyph outlines are still used")
        let strings = svg.texts.map(\.string)
        #expect(strings.contains("Training & <validation>"))
        #expect(strings.contains("epoch"))
        #expect(strings.contains("run 12 validation"))
        #expect(svg.width == 600 && svg.height == 400)
    }

    @Test func crowdedLegendMovesOutsideThePlotAndCoversNoLine() throws {
        let figure = Figure(width: 720, height: 450, panels: [Self.crowdedCurves()])
        let svg = try SVGLayoutParser(try figure.render(.svg))
        #expect(svg.legends.count == 1)
        #expect(svg.dataLines.count == 12)
        #expect(svg.legendOverlaps().isEmpty, "legend covers \(svg.legendOverlaps().count) lines")
        #expect(svg.clipped().map(\.string).isEmpty, "clipped: \(svg.clipped().map(\.string))")
        // The same from the in-process layout record.
        let layout = try figure.layout()
        #expect(layout.legendOverlaps().isEmpty)
    }

    @Test func aLegendWithRoomStaysInsideAFreeCorner() throws {
        let epochs = (1...30).map(Double.init)
        let chart = LineChart(
            series: [
                LineSeries(label: "train", x: epochs, y: epochs.map { 1.5 * exp(-$0 / 6) + 0.1 }),
                LineSeries(label: "validation", x: epochs, y: epochs.map { 1.5 * exp(-$0 / 8) + 0.3 }, dash: LineSeries.dashed),
            ], xLabel: "epoch", yLabel: "loss", integerX: true)
        let layout = try Figure(width: 720, height: 450, panels: [chart]).layout()
        let legend = try #require(layout.legends.first)
        // Inside the panel's right half (top-right corner is free for decaying curves).
        #expect(legend.maxX < 720 - 10 && legend.minX > 360)
        #expect(layout.legendOverlaps().isEmpty)
    }

    @Test func groupedBarsFillingThePlotPushTheLegendAboveIt() throws {
        let chart = BarChart(
            categories: ["neutral", "calm", "happy", "sad"],
            series: [BarSeries(label: "run 1", values: [1, 0.95, 1, 0.9]), BarSeries(label: "run 2", values: [0.97, 1, 0.92, 1])],
            title: "F1", yRange: 0...1)
        let layout = try Figure(width: 520, height: 360, panels: [chart]).layout()
        let legend = try #require(layout.legends.first)
        // The tick label "1.0" sits on the plot's top edge: the legend ends above it.
        let top = try #require(layout.texts.first { $0.string == "1.0" })
        #expect(legend.maxY < top.box.midY, "legend bottom \(legend.maxY) is below the plot top \(top.box.midY)")
        #expect(layout.clippedTexts().isEmpty)
    }

    @Test func bestEpochMarkerAtTheLastEpochIsNotClipped() throws {
        let epochs = (1...30).map(Double.init)
        let chart = LineChart(
            series: [LineSeries(label: "train", x: epochs, y: epochs.map { 1 / $0 })], title: "Loss", xLabel: "epoch",
            integerX: true, markers: [(x: 30, label: "best (30)")])
        let layout = try Figure(width: 520, height: 360, panels: [chart]).layout()
        let label = try #require(layout.texts.first { $0.string == "best (30)" })
        #expect(label.box.maxX <= 520 - 1, "marker label ends at \(label.box.maxX)")
        #expect(layout.clippedTexts().isEmpty, "clipped: \(layout.clippedTexts().map(\.string))")
    }

    @Test func longColorbarAndAxisTitlesStayOnTheCanvas() throws {
        var m = Matrix(rows: 40, columns: 120)
        for r in 0..<40 { for c in 0..<120 { m[r, c] = Float(sin(Double(r * c) / 50)) } }
        let chart = Heatmap(
            matrix: m, xExtent: 0...3, yExtent: -0.5...39.5, colorMap: .viridis,
            colorbarLabel: "coefficient value (scaled to MFCC 1…), a long colourbar title",
            title: "clip 12 · happy: 40 MFCCs (mfcc40+chroma+contrast@22050) with a long panel title that would run off",
            xLabel: "time (s)", yLabel: "MFCC coefficient", originLower: true)
        let layout = try Figure(width: 600, height: 300, panels: [chart]).layout()
        #expect(layout.clippedTexts().isEmpty, "clipped: \(layout.clippedTexts().map(\.string))")
    }

    @Test func constantDataGetsNoTicksFinerThanItself() {
        // A constant learning rate of 1e-3 used to tick 0.00096 … 0.00104.
        let range = NiceScale.paddedRange([1e-3, 1e-3, 1e-3])
        #expect(range == 0...2e-3)
        let ticks = NiceScale.ticks(lower: range.lowerBound, upper: range.upperBound)
        #expect(ticks.contains(1e-3))
        #expect(!ticks.contains { $0 > 0.9e-3 && $0 < 1.1e-3 && $0 != 1e-3 })
        #expect(NiceScale.paddedRange([0, 0]) == -0.5...0.5)
        #expect(NiceScale.paddedRange([-2, -2]) == -4...0)
    }

    @Test func slaneyMelScaleMatchesItsDefinition() {
        // Linear part: 3 mel per 200 Hz; log part: 27 mel per factor 6.4 above 1 kHz.
        #expect(abs(FrequencyTicks.hzToMel(1000) - 15) < 1e-12)
        #expect(abs(FrequencyTicks.hzToMel(200) - 3) < 1e-12)
        #expect(abs(FrequencyTicks.hzToMel(6400) - 42) < 1e-9)
        for hz in [0.0, 50, 440, 999, 1000, 1001, 4000, 11025] {
            #expect(abs(FrequencyTicks.melToHz(FrequencyTicks.hzToMel(hz)) - hz) <= 1e-9 * max(1, hz))
        }
    }

    @Test func melAxisTicksAreFrequenciesInHzAtTheirBands() throws {
        let ticks = FrequencyTicks.melAxis(bands: 128, fMin: 0, fMax: 11025)
        #expect(ticks.labels == ["125", "250", "500", "1k", "2k", "4k", "8k"])
        #expect(ticks.positions == ticks.positions.sorted())
        #expect(ticks.positions.allSatisfy { $0 >= 0 && $0 <= 127 })
        // 1 kHz is mel 15 of 0…hzToMel(11025) spread over 129 steps: band ≈ 15/(m/129) − 1.
        let top = FrequencyTicks.hzToMel(11025)
        let expected = 15 / (top / 129) - 1
        let index = try #require(ticks.labels.firstIndex(of: "1k"))
        #expect(abs(ticks.positions[index] - expected) < 1e-6)
    }

    @Test func pngCarriesItsPixelDensity() throws {
        let figure = Self.crowdedCurves().figure(width: 432, height: 288)
        let png = try figure.render(.png, scale: 300.0 / 72)
        let image = try RasterImage(png: png)
        #expect(image.width == 1800 && image.height == 1200)
        let ppi = try #require(PNGResolution.pixelsPerInch(png))
        // Stored as whole pixels per metre: 300 ppi = 11811.02 → 11811, i.e. within 0.0254 × 0.5.
        #expect(abs(ppi - 300) < 0.0127)
    }

    @Test func pdfEmbedsItsFonts() throws {
        let pdf = try Self.crowdedCurves().figure().render(.pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/FontFile"), "no embedded font program in the PDF")
    }

    @Test func retitlingAOnePanelFigureRenamesThePanelAndEmptyRemovesAll() throws {
        let figure = Figure(title: "overall", panels: [Self.crowdedCurves()])
        let renamed = figure.retitled("Figure 3")
        #expect(renamed.title == nil && renamed.panels[0].title == "Figure 3")
        let bare = figure.retitled("")
        #expect(bare.title == nil && bare.panels[0].title == nil)
        let strings = try bare.layout().texts.map(\.string)
        #expect(!strings.contains("Loss") && !strings.contains("overall"))
    }

    @Test func fontSizeScalesEveryText() throws {
        var figure = Figure(width: 500, height: 300, panels: [Self.crowdedCurves()])
        let small = try figure.layout().texts.first { $0.string == "epoch" }
        figure.theme = figure.theme.withFontSize(14)
        let large = try figure.layout().texts.first { $0.string == "epoch" }
        let a = try #require(small), b = try #require(large)
        #expect(abs(b.box.height / a.box.height - 14.0 / 10) < 0.1)
    }

    @Test func parallelCoordinatesTickAtTheSweptValuesOnALogScale() throws {
        let lr = ParameterAxis(label: "lr", values: [.number(1e-4), .number(1e-3), .number(1e-2), .number(1e-3)])
        #expect(lr.isLogarithmic)
        #expect(lr.ticks().map(\.label) == ["1e-4", "1e-3", "1e-2"])
        #expect(ParameterAxis.format(3e-4) == "3e-4" && ParameterAxis.format(2.5e-3) == "2.5e-3" && ParameterAxis.format(0.25) == "0.25")
        let mid = try #require(lr.fraction(.number(1e-3)))
        #expect(abs(mid - 0.5) < 1e-12)
        let layers = ParameterAxis(
            label: "layers", values: [.category("64,32"), .category("128,64"), .category("64,32"), .category("64,32")],
            categories: ["128,64", "64,32"])
        #expect(layers.ticks().map(\.label) == ["128,64", "64,32"])
        let chart = ParallelCoordinates(
            axes: [
                lr, layers, ParameterAxis(label: "validation accuracy", values: [.number(0.5), .number(0.6), .number(0.4), .number(0.55)]),
            ],
            colorValues: [0.5, 0.6, 0.4, 0.55], colorLabel: "validation accuracy", highlighted: 1, title: "sweep")
        let layout = try Figure(width: 700, height: 400, panels: [chart]).layout()
        #expect(layout.dataLines.count == 4)
        #expect(layout.clippedTexts().isEmpty, "clipped: \(layout.clippedTexts().map(\.string))")
    }
}
