import Testing
@testable import SERWorkbench

/// Config files refuse what they cannot mean (#16 item 15).
@Suite struct ConfigFileTests {
    @Test(arguments: [
        (#"{"epochs": 1, "epochs": 2}"#, "epochs"),
        (#"{"lr": 0.1, "layers": [1, 2], "lr": 0.2}"#, "lr"),
        (#"{"a": {"x": 1}, "b": {"x": 2}}"#, nil),
        (#"{"name": "say \"lr\": 1", "lr": 1}"#, nil),
        (#"{"k\"": 1, "k\"": 2}"#, #"k\""#),
    ])
    func duplicateTopLevelKeysAreFound(_ text: String, _ duplicate: String?) {
        #expect(ConfigFile.firstDuplicateKey(text) == duplicate)
    }
}
