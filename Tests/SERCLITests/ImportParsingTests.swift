import ArgumentParser
import SERCLI
@testable import SERWorkbench
@testable import SERReports
import Testing

/// Argument parsing of the new commands, without running them.
@Suite("ser import / datasets / clips: parsing")
struct ImportParsingTests {
    @Test func importParsesItsOptions() throws {
        let command = try SER.parseAsRoot([
            "import", "a", "b", "--name", "n", "--layout", "crema-d", "--store-audio",
            "--strict", "--batch-size", "8", "--jobs", "2", "--json",
        ])
        #expect(String(describing: type(of: command)) == "Import")
    }

    @Test(arguments: [
        (["import"], "Give at least one corpus path."),
        (["import", "x", "--batch-size", "0"], "--batch-size must be at least 1 (got 0)."),
        (["import", "x", "--jobs=-1"], "--jobs must be at least 1 (got -1)."),
        (["import", "x", "--name", " "], "--name must not be empty."),
        (["clips", "--limit", "0"], "--limit must be at least 1 (got 0)."),
    ])
    func validationNamesTheFlag(arguments: [String], message: String) {
        do {
            _ = try SER.parseAsRoot(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(SER.message(for: error) == message)
        }
    }

    @Test func unknownLayoutIsRefused() {
        #expect(throws: (any Error).self) { try SER.parseAsRoot(["import", "x", "--layout", "timit"]) }
    }

    @Test func datasetsAndClipsAreSubcommands() throws {
        #expect(String(describing: type(of: try SER.parseAsRoot(["datasets", "--json"]))) == "Datasets")
        #expect(String(describing: type(of: try SER.parseAsRoot(["clips", "--dataset", "d@ff0e", "--label", "sad"]))) == "Clips")
    }
}
