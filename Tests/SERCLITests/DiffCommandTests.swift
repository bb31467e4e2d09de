import Foundation
import SERTestSupport
import Testing
@testable import SERCLI
@testable import SERWorkbench
@testable import SERReports

@Suite struct DiffCommandTests {
    @Test func diffShowsSettingsProvenanceMetricsCurvesAndConfusion() throws {
        let fixture = try CompareFixture()
        let result = try SERProcess.run(["diff", "1", "3", "--db", fixture.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("settings (2 of 4 differ)"))
        #expect(out.range(of: #"\*\s+lr\s+0\.001\s+0\.0005"#, options: .regularExpression) != nil)
        #expect(out.range(of: #"\*\s+dataset\s+ravdess@a{12}\s+emodb@b{12}"#, options: .regularExpression) != nil)
        #expect(out.range(of: #"test acc\s+0\.700\s+0\.600\s+-0\.100"#, options: .regularExpression) != nil)
        // spk-a: validation 0.5, 0.62, 0.6 on the shared scale 0.5…0.62; spk-b: one epoch at 0.55.
        #expect(out.contains("▁█▇  best 0.620 @ epoch 2"))
        #expect(out.contains("▄  best 0.550 @ epoch 1"))
        // Confusion B − A: happy row 7/3 → 6/4.
        #expect(out.range(of: #"happy\s+-1\s+\+1"#, options: .regularExpression) != nil)
    }

    @Test func diffJSONCarriesTheDeltaMatrix() throws {
        let fixture = try CompareFixture()
        let result = try SERProcess.run(["diff", "2", "1", "--json", "--db", fixture.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["labels"] as? [String] == ["happy", "sad"])
        #expect(object["confusion_delta"] as? [[Int]] == [[-1, 1], [0, 0]])
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        let delta = try #require(metrics.first { $0["name"] as? String == "test_acc" }?["delta"] as? Double)
        #expect(abs(delta - -0.1) < 1e-12)
    }

    @Test func diffRefusesOneRunTwiceAndUnknownRuns() throws {
        let fixture = try CompareFixture()
        #expect(try SERProcess.run(["diff", "1", "1", "--db", fixture.path]).stderr.contains("the same run"))
        #expect(try SERProcess.run(["diff", "1", "42", "--db", fixture.path]).stderr.contains("no run 42"))
    }

    @Test func sparklinesShareAScaleAndMarkGaps() {
        #expect(Sparkline.render([0, 0.5, 1, nil], low: 0, high: 1) == "▁▅█ ")
        #expect(Sparkline.render([2, 2], low: 2, high: 2) == "▅▅")
        #expect(Sparkline.downsample([1, 3, 5, 7], to: 2) == [2, 6])
    }
}
