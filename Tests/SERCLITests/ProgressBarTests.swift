import Foundation
import SERCLI
@testable import SERWorkbench
@testable import SERReports
import Testing

@Suite("ProgressBar")
struct ProgressBarTests {
    /// Captured output.
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func write(_ s: String) { lock.withLock { text += s } }
        var value: String { lock.withLock { text } }
    }

    @Test func linesModePrintsAtEachTenthAndOnceAtTheEnd() {
        let sink = Sink()
        let bar = ProgressBar(total: 100, title: "importing", mode: .lines, output: { sink.write($0) })
        for _ in 0..<100 { bar.advance() }
        bar.finish()
        bar.finish()
        let lines = sink.value.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.first?.hasPrefix("importing   10/100   10%") == true)
        #expect(lines.last?.hasPrefix("importing  100/100  100%") == true)
        #expect(lines.last?.contains(" in ") == true)
        #expect(!sink.value.contains("\u{1B}"))
    }

    @Test func terminalModeRedrawsInPlace() {
        let sink = Sink()
        let bar = ProgressBar(total: 4, title: "features", unit: "clips", mode: .terminal, output: { sink.write($0) })
        bar.advance(by: 2)
        #expect(bar.statusLine(barWidth: 10).hasPrefix("features  [====>     ]  2/4   50%"))
        #expect(bar.statusLine().contains("clips/s"))
        #expect(bar.statusLine().contains("ETA"))
        bar.finish()
        #expect(sink.value.hasPrefix("\r\u{1B}[2Kfeatures"))
        #expect(sink.value.hasSuffix("\n"))
    }

    @Test func silentModePrintsNothing() {
        let sink = Sink()
        let bar = ProgressBar(total: 3, title: "x", mode: .silent, output: { sink.write($0) })
        bar.advance(by: 3)
        bar.finish()
        #expect(sink.value.isEmpty)
        #expect(ProgressBar.automaticMode(quiet: true) == .silent)
    }
}
