import Foundation
import SERPlot
import Testing
import SERTestSupport

@Suite struct OutputTests {
    func folder() throws -> URL {
        try ScratchFolder.make("plot")
    }

    let figure = BarChart(categories: ["a", "b"], series: [BarSeries(label: "n", values: [1, 2])]).figure(width: 300, height: 200)

    @Test func writeReplacesTheFileAndLeavesNoTemporary() throws {
        let dir = try folder()
        let path = dir.appendingPathComponent("chart.svg").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try figure.write(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("<svg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["chart.svg"])
    }

    @Test func writingIntoAMissingFolderOrOverAFolderFailsNamingThePath() throws {
        let dir = try folder()
        let missing = dir.appendingPathComponent("nope/chart.png").path
        #expect(throws: PlotError.self) { try figure.write(to: missing) }
        do { try figure.write(to: missing) } catch let error as PlotError {
            #expect(error.code == .io)
            #expect(error.description.contains(missing))
        }
        let sub = dir.appendingPathComponent("sub.png")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        #expect(throws: PlotError.self) { try figure.write(to: sub.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["sub.png"])
    }

    @Test func pngDecoderRejectsNonPNGBytes() {
        #expect(throws: PlotError.self) { try RasterImage(png: Data("not a png".utf8)) }
    }

    @Test func htmlReportEscapesTextAndEmbedsImages() throws {
        var page = HTMLReport(title: "run <1> & \"x\"")
        page.keyValues([("a<b", "c&d")])
        page.table(header: ["name", "value"], rows: [["acc", "0.75"]])
        try page.figure(figure, alt: "bars")
        let html = page.html()
        #expect(html.contains("run &lt;1&gt; &amp; &quot;x&quot;"))
        #expect(html.contains("<th>a&lt;b</th><td>c&amp;d</td>"))
        #expect(html.contains("<td class=\"num\">0.75</td>"))
        #expect(html.contains("src=\"data:image/png;base64,iVBORw0KGgo"))
        #expect(!html.contains("<script"))
    }
}
