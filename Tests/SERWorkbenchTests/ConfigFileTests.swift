import Foundation
import SERTestSupport
import Testing
@testable import SERWorkbench

/// Config files refuse what they cannot mean (#16 item 15); they are JSON objects (#17).
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

    /// Writes `text` to a fresh file called `name` and loads it.
    private func load(_ text: String, name: String) throws -> [String: Any] {
        let file = try ScratchFolder.make().appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return try ConfigFile.load(path: file.path)
    }

    /// The message `load` throws, or "" when the file loads.
    private func refusal(_ text: String, name: String) -> String {
        do {
            _ = try load(text, name: name)
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// What the old TOML subset got wrong: escapes, and commas or `#` inside quoted items.
    @Test func escapesAndQuotedCommasAreRead() throws {
        let settings = try load(
            #"{"dataset": "say \"hi\"\tC:\\corpora \u00e9", "test_speakers": ["1,2", "3 # three"], "layers": [256, 128]}"#,
            name: "exp.json")
        #expect(settings["dataset"] as? String == "say \"hi\"\tC:\\corpora é")
        #expect(settings["testSpeakers"] as? [String] == ["1,2", "3 # three"])
        #expect(settings["layers"] as? [Int] == [256, 128])
    }

    /// TOML files, including ones that abort toml++ 3.4.0 (TOMLKit 0.6.0), are refused by name.
    @Test(arguments: ["epochs = 3\n", "[\n", "[[[1]]]\n", "layers = [\n}\n", "# just a comment\n"])
    func tomlFilesAreRefusedNamingTheFile(_ text: String) {
        let message = refusal(text, name: "exp.toml")
        #expect(message.contains("/exp.toml: is not a JSON object (TOML files are no longer read)"), "\(message)")
    }

    @Test(arguments: [
        (#"{"model": {"layers": [1]}}"#, "unknown setting 'model'"),
        (#"{"epochs": 3, "max_frames": 3, "maxFrames": 4}"#, "'maxFrames' and 'max_frames' both set maxFrames"),
        ("[1, 2]", "is not a JSON object"),
        (#"{"epochs": 3"#, "is not a JSON object"),
    ])
    func structuralMistakesAreRefusedNamingTheFile(_ text: String, _ message: String) {
        let refused = refusal(text, name: "bad.json")
        #expect(refused.contains("/bad.json: ") && refused.contains(message), "\(refused)")
    }

    @Test(arguments: [
        (#"{"epochs": "many"}"#, "setting 'epochs' must be a whole number (got \"many\")"),
        (#"{"epochs": 2.5}"#, "setting 'epochs' must be a whole number (got 2.5)"),
        (#"{"layers": [128, "64"]}"#, "setting 'layers' must be"),
        (#"{"layers": {"first": 128}}"#, "setting 'layers' must be"),
        (#"{"bidirectional": "yes"}"#, "setting 'bidirectional' must be"),
    ])
    func valuesOfTheWrongTypeNameTheSetting(_ text: String, _ message: String) throws {
        let file = try ScratchFolder.make().appendingPathComponent("types.json")
        try Data(text.utf8).write(to: file)
        #expect { try RunSettings().merging(file: ConfigFile.load(path: file.path), path: file.path) } throws: { error in
            "\(error)".contains(message) && "\(error)".contains("types.json")
        }
    }
}
