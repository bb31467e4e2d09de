import Foundation
import Testing

@Suite struct PlotJSONOutputTests {
    @Test func jsonReportsWhatWasWritten() throws {
        let fx = try PlotFixture()
        let result = try fx.ser(["plot", "per-class", "\(fx.runA)", "-o", "p.svg", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["path"] as? String == "p.svg")
        #expect(object?["format"] as? String == "svg")
        #expect(object?["unit"] as? String == "pt")
        let quiet = try fx.ser(["plot", "per-class", "\(fx.runA)", "-o", "q.png", "--quiet"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty)
    }
}
