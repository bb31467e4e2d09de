import ArgumentParser
import Testing
@testable import SERCLI
@testable import SERWorkbench
@testable import SERReports

/// Argument parsing of `ser compare` / `ser diff`, without a database.
@Suite struct CompareParsingTests {
    func compare(_ arguments: [String]) throws -> SER.Compare {
        let command = try SER.parseAsRoot(["compare"] + arguments)
        return try #require(command as? SER.Compare)
    }

    @Test func sortDirectionDefaultsToBestFirstForScores() throws {
        #expect(try compare([]).sortField == "test.acc")
        #expect(try compare([]).sortDescending)
        #expect(try compare(["--sort", "val.f1"]).sortDescending)
        #expect(try !compare(["--sort", "test.loss"]).sortDescending)
        #expect(try !compare(["--sort", "lr"]).sortDescending)
        let explicit = try compare(["--sort", "lr:DESC"])
        #expect(explicit.sortField == "lr" && explicit.sortDescending)
        let ascending = try compare(["--sort", "test.acc:asc"])
        #expect(ascending.sortField == "test.acc" && !ascending.sortDescending)
    }

    @Test func runIdsFormatsAndColumnsParse() throws {
        let command = try compare(["3", "1", "--format", "markdown", "--columns", " id, name ,,param.lr", "--top", "5", "--only-changed"])
        #expect(command.references.map(\.text) == ["3", "1"] && command.format == .markdown && command.top == 5 && command.onlyChanged)
        #expect(command.parsedColumns(command.columns ?? "") == ["id", "name", "param.lr"])
    }

    /// (arguments, text the error must contain)
    static let refused: [([String], String)] = [
        (["--top", "0"], "--top"),
        (["--sort", ":asc"], "--sort"),
        (["--columns", ",,"], "--columns"),
        (["--where", "  "], "--where"),
        (["--json", "--format", "csv"], "--json"),
        (["--format", "html"], "html"),
    ]

    @Test(arguments: refused)
    func badArgumentsAreRefusedNamingTheFlag(arguments: [String], mention: String) {
        #expect {
            _ = try SER.parseAsRoot(["compare"] + arguments)
        } throws: { error in
            SER.message(for: error).contains(mention)
        }
    }

    @Test func diffNeedsTwoDifferentRunsAndAKnownSubset() throws {
        let diff = try #require(try SER.parseAsRoot(["diff", "1", "2", "--all", "--subset", "val"]) as? SER.Diff)
        #expect(diff.referenceA.text == "1" && diff.referenceB.text == "2" && diff.all && diff.subset == "val")
        #expect { _ = try SER.parseAsRoot(["diff", "4", "4"]) } throws: { SER.message(for: $0).contains("same run") }
        #expect { _ = try SER.parseAsRoot(["diff", "1", "2", "--subset", "dev"]) } throws: { SER.message(for: $0).contains("--subset") }
        #expect(throws: (any Error).self) { _ = try SER.parseAsRoot(["diff", "1"]) }
    }
}
