import Foundation
import SERPlot
import SERTestSupport
import Testing

@Suite struct ReportBrowserTests {
    /// Opens a generated report in headless Chromium: the page loads without console errors
    /// and the screenshot shows its images (viridis yellow from the
    /// confusion matrix, tab10 blue from the curves).
    @Test(.enabled(if: Chromium.executable != nil, "chromium is not installed (apt-get install chromium); skipping the browser check"))
    func reportLoadsInHeadlessChromiumWithItsImages() throws {
        let fx = try PlotFixture()
        let html = fx.folder.appendingPathComponent("report.html")
        let made = try fx.ser(["report", "\(fx.runA)", "-o", html.path])
        #expect(made.status == 0, "\(made.stderr)")
        let url = html.absoluteString

        let shot = fx.folder.appendingPathComponent("shot.png")
        let run = try Chromium.run(["--screenshot=\(shot.path)", "--window-size=1200,2000", "--enable-logging=stderr", "--v=0", url])
        let consoleErrors = run.stderr.split(separator: "\n").filter {
            $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("net::ERR") || $0.contains("Failed to load resource")
        }
        #expect(consoleErrors.isEmpty, "console: \(consoleErrors)")
        let image = try RasterImage(contentsOf: shot.path)
        #expect(image.width == 1200 && image.height == 2000)
        #expect(image.inkFraction > 0.05, "the screenshot is (almost) blank")
        func near(_ pixel: UInt32, _ rgb: UInt32) -> Bool {
            let channels = [16, 8, 0].map { (Int((pixel >> UInt32($0)) & 0xFF), Int((rgb >> UInt32($0)) & 0xFF)) }
            return channels.allSatisfy { abs($0.0 - $0.1) <= 12 }
        }
        let yellow = image.pixels.lazy.filter { near($0, 0xFDE725) }.count
        let blue = image.pixels.lazy.filter { near($0, 0x1F77B4) }.count
        #expect(yellow > 500, "no viridis yellow: the confusion matrix image did not show")
        #expect(blue > 200, "no tab10 blue: the curves image did not show")
    }
}
