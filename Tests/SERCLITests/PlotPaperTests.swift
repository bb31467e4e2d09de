import Foundation
import SERPlot
import SERStore
import SERTestSupport
import Testing

@testable import SERCLI
@testable import SERWorkbench
@testable import SERReports

/// `ser plot` as a paper needs it: every figure kind with nothing clipped and no legend on
/// the data, one class order everywhere, frequencies in Hz, dB by default, paper options,
/// and pictures of sweeps.
@Suite struct PlotPaperTests {
    /// Adds a finished 2 × 2 sweep (lr × dropout) under the fixture's feature recipe: a
    /// parent run and four trial runs with epochs and a test evaluation. Returns the parent.
    static func addSweep(_ fx: PlotFixture) throws -> (parent: Int64, trials: [Int64]) {
        let store = try Store.open(at: fx.databasePath)
        let provenance = Provenance(serVersion: "0.1.0", hostname: "test")
        let parent = try store.createRun(
            NewRun(
                name: "grid", kind: .sweep, datasetVersionID: nil, featureConfigID: nil, split: "speaker", seed: 1,
                config: #"{"epochs":8}"#, commandLine: "ser sweep --lr 1e-3,1e-2 --dropout 0.2,0.4",
                hyperparameters: ["sweep.axes": #"[{"dropout":[0.2,0.4]},{"lr":[0.001,0.01]}]"#], provenance: provenance))
        try store.markRunning(parent, pid: 1)
        var trials: [Int64] = []
        for (k, (lr, dropout)) in [(0.001, 0.2), (0.001, 0.4), (0.01, 0.2), (0.01, 0.4)].enumerated() {
            let id = try store.createRun(
                NewRun(
                    name: "grid #\(k + 1)", kind: .trial, parentID: parent, datasetVersionID: nil, featureConfigID: nil, split: "speaker",
                    seed: 1, config: #"{"dropout":\#(dropout),"epochs":8,"layers":[64,32],"lr":\#(lr),"optimizer":"adam"}"#,
                    commandLine: "ser run", provenance: provenance))
            try store.markRunning(id, pid: 1)
            let quality = 0.5 + 0.1 * Double(k)
            for epoch in 1...8 {
                let x = Double(epoch)
                try store.recordEpoch(
                    id,
                    EpochRecord(
                        epoch: epoch, trainLoss: 1.5 * exp(-x / 4) + 0.2, trainAccuracy: quality * (1 - exp(-x / 3)),
                        validationLoss: 1.5 * exp(-x / 5) + 0.4, validationAccuracy: quality * 0.8 * (1 - exp(-x / 3)),
                        validationF1: quality * 0.7, learningRate: lr, wallSeconds: 1),
                    last: nil, best: nil)
            }
            try store.recordEvaluation(
                id,
                EvaluationRecord(
                    subset: "test", metrics: ["accuracy": quality * 0.75, "macro_f1": quality * 0.7, "uar": quality * 0.75],
                    classes: [], labels: PlotFixture.emotions, confusion: [[6, 0, 0, 0], [0, 6, 0, 0], [0, 0, 6, 0], [0, 0, 0, 6]],
                    predictions: []))
            try store.write { try $0.execute(sql: "UPDATE runs SET best_epoch = 8 WHERE id = ?", arguments: [id]) }
            try store.endRun(id, status: .finished)
            trials.append(id)
        }
        try store.endRun(parent, status: .finished)
        return (parent, trials)
    }

    /// Renders `args` to SVG and reads its layout back.
    static func svg(_ fx: PlotFixture, _ args: [String], name: String) throws -> SVGLayoutParser {
        let path = fx.folder.appendingPathComponent("\(name).svg").path
        let result = try fx.ser(args + ["-o", path])
        #expect(result.status == 0, "\(args): \(result.stderr)")
        return try SVGLayoutParser(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func everyFigureKindKeepsItsTextOnTheCanvasAndItsLegendsOffTheData() throws {
        let fx = try PlotFixture()
        let sweep = try Self.addSweep(fx)
        let cases: [(args: [String], name: String)] = [
            (["plot", "curves", "\(fx.runA)"], "curves"),
            (["plot", "curves", "\(fx.runA)", "\(fx.runB)", "--metrics", "loss", "accuracy", "f1", "lr"], "curves-two"),
            (["plot", "curves", "\(sweep.parent)"], "curves-sweep"),
            (["plot", "confusion", "\(fx.runA)"], "confusion"),
            (["plot", "per-class", "\(fx.runA)", "\(fx.runB)"], "per-class"),
            (["plot", "waveform", fx.clipRelativePath], "waveform"),
            (["plot", "spectrogram", "\(fx.clipID)"], "spectrogram"),
            (["plot", "spectrogram", "\(fx.clipID)", "--mel"], "mel"),
            (["plot", "mfcc", "\(fx.clipID)"], "mfcc"),
            (["plot", "chroma", "\(fx.clipID)"], "chroma"),
            (["plot", "features", "--dataset", "toy"], "features"),
            (["plot", "dataset", "toy"], "dataset"),
            (["plot", "emotions", "--dataset", "toy"], "emotions"),
            (["plot", "sweep", "\(sweep.parent)"], "sweep"),
            (["plot", "curves", "\(fx.runA)", "--size", "3.5x2.5in", "--font-size", "8"], "curves-small"),
        ]
        for (args, name) in cases {
            let svg = try Self.svg(fx, args, name: name)
            #expect(svg.glyphUses == 0, "\(name): text drawn as glyph outlines")
            #expect(!svg.texts.isEmpty, "\(name): no <text> elements")
            #expect(svg.clipped().isEmpty, "\(name): clipped \(svg.clipped().map(\.string))")
            #expect(svg.legendOverlaps().isEmpty, "\(name): a legend covers a data line")
        }
    }

    /// The class names along the x axis of an SVG, left to right (tick labels below the plot).
    static func xCategories(_ svg: SVGLayoutParser, among classes: Set<String>) -> [String] {
        let hits = svg.texts.filter { classes.contains($0.string) && $0.box != nil }
        guard let lowest = hits.map({ $0.box?.minY ?? 0 }).max() else { return [] }
        return hits.filter { abs(($0.box?.minY ?? 0) - lowest) < 12 }.sorted { ($0.box?.midX ?? 0) < ($1.box?.midX ?? 0) }.map(\.string)
    }

    @Test func confusionPerClassAndDatasetPlotsShareOneClassOrder() throws {
        let fx = try PlotFixture()
        let classes = Set(PlotFixture.emotions)
        let canonical = ["neutral", "happy", "sad", "angry"]
        let confusion = Self.xCategories(try Self.svg(fx, ["plot", "confusion", "\(fx.runA)"], name: "c"), among: classes)
        let perClass = Self.xCategories(try Self.svg(fx, ["plot", "per-class", "\(fx.runA)"], name: "p"), among: classes)
        let dataset = Self.xCategories(try Self.svg(fx, ["plot", "dataset", "toy"], name: "d"), among: classes)
        #expect(confusion == canonical)
        #expect(perClass == canonical)
        #expect(dataset == canonical)
        // --class-order moves named classes first, the rest follow canonically.
        let custom = ["--class-order", "sad,angry"]
        let reordered = Self.xCategories(try Self.svg(fx, ["plot", "confusion", "\(fx.runA)"] + custom, name: "c2"), among: classes)
        #expect(reordered == ["sad", "angry", "neutral", "happy"])
        let reorderedBars = Self.xCategories(try Self.svg(fx, ["plot", "per-class", "\(fx.runA)"] + custom, name: "p2"), among: classes)
        #expect(reorderedBars == reordered)
        let wrong = try fx.ser(["plot", "confusion", "\(fx.runA)", "--class-order", "joy", "-o", "x.svg"])
        #expect(wrong.status != 0 && wrong.stderr.contains("joy"))
    }

    @Test func spectrogramsDefaultToDecibelsAndLabelFrequencies() throws {
        let fx = try PlotFixture()
        let linear = try Self.svg(fx, ["plot", "spectrogram", "\(fx.clipID)"], name: "s").texts.map(\.string)
        #expect(linear.contains("dB"))
        #expect(linear.contains("frequency (kHz)"))
        #expect(linear.contains("8"), "16 kHz audio should tick 8 kHz at the top")
        #expect(!linear.contains("8000"))
        let magnitude = try Self.svg(fx, ["plot", "spectrogram", "\(fx.clipID)", "--no-decibels"], name: "m").texts.map(\.string)
        #expect(magnitude.contains("magnitude") && !magnitude.contains("dB"))
        // Mel bands (cached 16-band features at 16 kHz) are ticked in Hz, not band numbers.
        let mel = try Self.svg(fx, ["plot", "spectrogram", "\(fx.clipID)", "--mel"], name: "mel").texts.map(\.string)
        #expect(mel.contains("frequency (Hz, mel scale)"))
        #expect(mel.contains("1k") && mel.contains("4k"))
        #expect(!mel.contains("mel band"))
    }

    @Test func sweepCurvesOverlayTheTrialsAndTheReportRanksThem() throws {
        let fx = try PlotFixture()
        let sweep = try Self.addSweep(fx)
        let curves = try Self.svg(fx, ["plot", "curves", "\(sweep.parent)"], name: "sc")
        // Loss and accuracy panels, train and validation for each of the four trials.
        #expect(curves.dataLines.count == 16)
        let strings = curves.texts.map(\.string)
        #expect(strings.contains("run \(sweep.trials[0]) (grid #1)") && strings.contains("validation"))
        let picture = try Self.svg(fx, ["plot", "sweep", "\(sweep.parent)"], name: "sw").texts.map(\.string)
        for text in ["dropout", "lr", "validation accuracy", "test accuracy (reported only)", "1e-3", "1e-2"] {
            #expect(picture.contains(text), "sweep figure lacks \(text)")
        }
        let report = try fx.ser(["report", "\(sweep.parent)", "-o", "sweep.html"])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: fx.folder.appendingPathComponent("sweep.html"), encoding: .utf8)
        #expect(html.contains("Trials, ranked by validation accuracy"))
        // Best validation first: trial 4 (quality 0.8), then 3, 2, 1; each links its report.
        let positions = sweep.trials.reversed().compactMap { html.range(of: "href=\"report-run\($0).html\"")?.lowerBound }
        #expect(positions.count == 4 && positions == positions.sorted())
        for id in sweep.trials {
            #expect(FileManager.default.fileExists(atPath: fx.folder.appendingPathComponent("report-run\(id).html").path))
        }
    }

    @Test func paperOptionsSetSizeDensityTitleAndFont() throws {
        let fx = try PlotFixture()
        let png = fx.folder.appendingPathComponent("paper.png").path
        let result = try fx.ser(["plot", "curves", "\(fx.runA)", "--size", "6x4in", "--dpi", "300", "-o", png])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        let image = try RasterImage(png: data)
        #expect(image.width == 1800 && image.height == 1200)
        #expect(abs((PNGResolution.pixelsPerInch(data) ?? 0) - 300) < 0.0127)
        let svg = try Self.svg(fx, ["plot", "confusion", "\(fx.runA)", "--size", "432x288pt", "--title", "Figure 2"], name: "t")
        #expect(svg.width == 432 && svg.height == 288)
        #expect(svg.texts.map(\.string).contains("Figure 2"))
        #expect(!svg.texts.contains { $0.string.contains("confusion on") })
        let bare = try Self.svg(fx, ["plot", "confusion", "\(fx.runA)", "--title", ""], name: "b")
        #expect(!bare.texts.contains { $0.string.contains("confusion on") })
        for bad in [["--size", "6x4"], ["--size", "0x4in"], ["--dpi", "300", "--scale", "2"], ["--font-size", "40"]] {
            let r = try fx.ser(["plot", "curves", "\(fx.runA)", "-o", "x.png"] + bad)
            #expect(r.status != 0, "\(bad) was accepted")
        }
        let pdf = fx.folder.appendingPathComponent("paper.pdf").path
        #expect(try fx.ser(["plot", "curves", "\(fx.runA)", "-o", pdf]).status == 0)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        #expect(text.contains("/FontFile"), "the PDF does not embed its fonts")
    }

    @Test func featuresListNamesEveryColumn() throws {
        let fx = try PlotFixture()
        let result = try fx.ser(["plot", "features", "--dataset", "toy", "--list"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").last.map(String.init) ?? "" }
        #expect(names.count == 41)
        #expect(names.first == "mfcc_0" && names.contains("chroma_11") && names.last == "mel_15")
        let wrong = try fx.ser(["plot", "features", "--dataset", "toy", "--feature", "nope", "-o", "x.png"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("mfcc_0…mfcc_12") && wrong.stderr.contains("mel_0…mel_15") && wrong.stderr.contains("--list"))
    }

    @Test func emotionsAndContrastCommandsDraw() throws {
        let fx = try PlotFixture()
        let emotions = try Self.svg(fx, ["plot", "emotions", "--dataset", "toy", "--speaker", "2"], name: "e").texts.map(\.string)
        for label in PlotFixture.emotions { #expect(emotions.contains { $0.hasPrefix("\(label) · speaker 2") }) }
        let missing = try fx.ser(["plot", "emotions", "--dataset", "toy", "--speaker", "9", "-o", "x.png"])
        #expect(missing.status != 0 && missing.stderr.contains("speaker 9"))
        // The fixture caches no contrast: a clear error naming the clip.
        let contrast = try fx.ser(["plot", "contrast", "\(fx.clipID)", "-o", "x.png"])
        #expect(contrast.status != 0 && contrast.stderr.contains("clip \(fx.clipID)") && contrast.stderr.contains("contrast"))
    }

    @Test func waveformGridsShareOneAmplitudeScale() throws {
        let quiet = WaveformChart(samples: [0.1, -0.1, 0.05], sampleRate: 3)
        let loud = WaveformChart(samples: [0.8, -0.9, 0.2], sampleRate: 3)
        // The loudest peak (0.9 as a Float) plus 10 %, for both.
        #expect(WaveformChart.sharedLimit([quiet, loud]) == Double(Float(0.9)) * 1.1)
        #expect(WaveformChart.sharedLimit([quiet]) == Double(Float(0.1)) * 1.1)
    }

    @Test func contrastBandsAreLabelledInHz() {
        let params = #"{"sampleRate":22050,"contrastFMin":200.0,"contrastBands":6}"#
        #expect(
            SER.Plot.Contrast.bandLabels(params: params, rows: 7)
                == ["0–200", "200–400", "400–800", "800–1.6k", "1.6k–3.2k", "3.2k–6.4k", "6.4k–11k"])
        #expect(SER.Plot.Contrast.bandLabels(params: params, rows: 5) == nil)
    }
}
