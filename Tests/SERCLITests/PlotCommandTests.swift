import Foundation
import SERPlot
import Testing
@testable import SERCLI
@testable import SERWorkbench
@testable import SERReports

@Suite struct PlotCommandTests {
    /// Checks that `path` is a PNG of real content (or an SVG that parses) and returns it.
    @discardableResult
    static func checkImage(_ path: String, minColors: Int = 8) throws -> RasterImage? {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if path.hasSuffix(".svg") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("<svg"))
            #expect(XMLCheck.isWellFormed(data), "\(path) is not well-formed XML")
            return nil
        }
        let image = try RasterImage(png: data)
        #expect(image.width > 200 && image.height > 200)
        #expect(image.inkFraction > 0.02, "\(path) is (almost) blank")
        #expect(image.distinctColors() >= minColors, "\(path) has only \(image.distinctColors()) colours")
        if let out = ProcessInfo.processInfo.environment["SER_PLOT_OUT"] {
            try? FileManager.default.copyItem(atPath: path, toPath: out + "/cli-" + URL(fileURLWithPath: path).lastPathComponent)
        }
        return image
    }

    @Test func everyPlotKindRendersFromASmallDatabaseToPNGAndSVG() throws {
        let fx = try PlotFixture()
        let cases: [(args: [String], base: String)] = [
            (["plot", "curves", "\(fx.runA)", "\(fx.runB)"], "curves"),
            (["plot", "curves", "\(fx.runA)", "--metrics", "loss", "accuracy", "f1", "lr"], "curves-four"),
            (["plot", "confusion", "\(fx.runA)"], "confusion"),
            (["plot", "confusion", "\(fx.runA)", "--normalize", "--cmap", "blues"], "confusion-normalized"),
            (["plot", "per-class", "\(fx.runA)", "\(fx.runB)"], "per-class"),
            (["plot", "waveform", fx.clipRelativePath], "waveform"),
            (["plot", "mfcc", "\(fx.clipID)"], "mfcc"),
            (["plot", "chroma", "\(fx.clipID)"], "chroma"),
            (["plot", "spectrogram", "\(fx.clipID)", "--mel", "--decibels"], "mel"),
            (["plot", "features", "--dataset", "toy", "--feature", "mfcc_0", "--feature", "mfcc_1", "--feature", "chroma_3"], "features"),
            (["plot", "dataset", "toy"], "dataset"),
            (["plot", "features", "--dataset", "toy", "--violin"], "violins"),
        ]
        for (args, base) in cases {
            for format in ["png", "svg"] {
                let path = fx.folder.appendingPathComponent("\(base).\(format)").path
                let result = try fx.ser(args + ["-o", path])
                #expect(result.status == 0, "\(args): \(result.stderr)")
                #expect(result.stdout.contains("Wrote \(path)"))
                try Self.checkImage(path)
            }
        }
    }

    @Test func defaultFileNameIsPrintedAndPDFWorks() throws {
        let fx = try PlotFixture()
        let result = try fx.ser(["plot", "curves", "\(fx.runA)", "--format", "pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote curves-run\(fx.runA).pdf"))
        let pdf = try Data(contentsOf: fx.folder.appendingPathComponent("curves-run\(fx.runA).pdf"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
    }

    @Test func badInputGivesAClearErrorAndLeavesNoFile() throws {
        let fx = try PlotFixture()
        let unknownRun = try fx.ser(["plot", "curves", "999", "-o", "x.png"])
        #expect(unknownRun.status == 1)
        #expect(unknownRun.stderr.contains("no run 999"))
        let noEpochs = try fx.ser(["plot", "curves", "\(fx.emptyRun)", "-o", "x.png"])
        #expect(noEpochs.status == 1)
        #expect(noEpochs.stderr.contains("run \(fx.emptyRun): has no epochs yet"))
        let unknownClip = try fx.ser(["plot", "waveform", "nope/missing.wav", "-o", "x.png"])
        #expect(unknownClip.status == 1)
        #expect(unknownClip.stderr.contains("clip nope/missing.wav"))
        let unwritable = try fx.ser(["plot", "confusion", "\(fx.runA)", "-o", fx.folder.path + "/no/such/folder/c.png"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("does not exist"))
        let contradiction = try fx.ser(["plot", "confusion", "\(fx.runA)", "-o", "c.png", "--format", "svg"])
        #expect(contradiction.status != 0)
        #expect(contradiction.stderr.contains("--format"))
        let noReport = try fx.ser(["report", "999"])
        #expect(noReport.status == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fx.folder.path).filter {
            $0.hasSuffix(".png") || $0.hasSuffix(".tmp") || $0.hasSuffix(".html")
        }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }

    @Test func spectrogramsAreDrawnFromTheLibrosaExactSTFT() throws {
        let fx = try PlotFixture()
        for (args, base) in [([String](), "linear"), (["--decibels"], "linear-db"), (["--mel", "--decibels"], "mel-db")] {
            let path = fx.folder.appendingPathComponent("\(base).png").path
            let result = try fx.ser(["plot", "spectrogram", fx.clipRelativePath, "-o", path] + args)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            try Self.checkImage(path)
        }
    }

    @Test func reportIsSelfContainedHTMLWithItsImages() throws {
        let fx = try PlotFixture()
        let result = try fx.ser(["report", "\(fx.runA)"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: fx.folder.appendingPathComponent("report-run\(fx.runA).html"), encoding: .utf8)
        #expect(html.contains("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "src=\"data:image/png;base64,").count - 1 == 3)
        #expect(!html.contains("http://") && !html.contains("https://"))
        for text in [
            "Final metrics", "Training curves", "Confusion matrix", "Per-class metrics", "Hyperparameters", "Provenance", "abc123",
            "baseline",
        ] {
            #expect(html.contains(text), "report lacks \(text)")
        }
        let dataset = try fx.ser(["report", "--dataset", "toy", "-o", "toy.html"])
        #expect(dataset.status == 0, "\(dataset.stderr)")
        let page = try String(contentsOf: fx.folder.appendingPathComponent("toy.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "data:image/png;base64,").count - 1 == 2)
    }

    @Test func parsesPlotOptions() throws {
        let command = try SER.parseAsRoot(["plot", "confusion", "3", "--normalize", "-o", "c.svg", "--db", "x.db"])
        let confusion = try #require(command as? SER.Plot.Confusion)
        #expect(confusion.reference.text == "3" && confusion.normalize)
        #expect(confusion.output.resolvedFormat == .svg)
        #expect(throws: (any Error).self) { try SER.parseAsRoot(["plot", "curves", "1", "--scale", "9"]) }
        #expect(throws: (any Error).self) { try SER.parseAsRoot(["report"]) }
        let curves = try #require(try SER.parseAsRoot(["plot", "curves", "1", "2", "--metrics", "f1", "uar"]) as? SER.Plot.Curves)
        #expect(curves.references.map(\.text) == ["1", "2"] && curves.metrics == [.f1, .uar])
        #expect(throws: (any Error).self) { try SER.parseAsRoot(["plot", "curves", "1", "--metrics", "f1", "f1"]) }
        #expect(SER.Plot.helpMessage().contains("per-class"))
    }
}
