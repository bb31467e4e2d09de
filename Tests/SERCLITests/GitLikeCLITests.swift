import Foundation
import Testing
@testable import SERCLI
@testable import SERWorkbench
@testable import SERReports

/// `ser` talks like git (#18): global options before the subcommand, runs named by
/// reference, one error voice with hints.
@Suite struct GitLikeCLITests {
    @Test(arguments: [
        (["--db", "x.db", "--json", "runs", "-n", "3"], ["runs", "-n", "3", "--db", "x.db", "--json"], false),
        (["--db=x.db", "-q", "show", "last"], ["show", "last", "--db=x.db", "-q"], false),
        (["runs", "--db", "x.db"], ["runs", "--db", "x.db"], false),
        (["--no-color", "compare", "--no-color"], ["compare"], true),
        (["-q", "predict", "--", "--no-color"], ["predict", "-q", "--", "--no-color"], false),
        ([], [], false),
    ])
    func globalOptionsMoveAfterTheSubcommand(_ given: [String], _ expected: [String], _ noColor: Bool) {
        #expect(GlobalArguments.rewrite(given) == .init(arguments: expected, noColor: noColor))
    }

    /// Every command's help shows real examples (#18).
    @Test(arguments: SER.configuration.subcommands.map { $0._commandName }.filter { $0 != "plot" })
    func everyCommandsHelpHasExamples(_ name: String) throws {
        let command = try #require(SER.configuration.subcommands.first { $0._commandName == name })
        let help = command.helpMessage()
        #expect(help.contains("Examples:"), "ser \(name) --help has no examples")
        #expect(help.components(separatedBy: "\n  ser \(name)").count - 1 >= 1 || help.contains("ser \(name) "))
    }

    @Test func misspeltCommandsSuggestTheNearest() {
        let names = SER.configuration.subcommands.map { $0._commandName }
        #expect(CommandSuggestion.nearest(to: "rnus", in: names) == "runs")
        #expect(CommandSuggestion.nearest(to: "improt", in: names) == "import")
        #expect(CommandSuggestion.nearest(to: "shwo", in: names) == "show")
        #expect(CommandSuggestion.nearest(to: "dashboard", in: names) == nil)
    }
}

/// The same through the binary.
@Suite(.serialized) struct GitLikeCLIProcessTests {
    @Test func runsAreNamedByReferenceEverywhere() throws {
        let corpus = try TestCorpus.importedTones(actors: 6)
        defer { corpus.remove() }
        for (name, seed) in [("seed-30ep", "1"), ("seed-60ep", "2")] {
            let run = try corpus.ser(
                ["run", "--epochs", "1", "--test-speakers", "6", "--name", name, "--seed", seed, "--tag", "t-\(seed)", "-q"]
                    + RunCommandTests.tiny)
            #expect(run.status == 0, "\(run.stderr)")
        }
        func shownID(_ reference: String) throws -> String? {
            let shown = try SERProcess.run(["--db", corpus.database, "--json", "show", reference])
            guard shown.status == 0, let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any] else {
                return "error: \(shown.stderr)"
            }
            return (object["id"] as? Int).map(String.init)
        }
        #expect(try shownID("last") == "2")
        #expect(try shownID("HEAD") == "2")
        #expect(try shownID("last~1") == "1")
        #expect(try shownID("@t-1") == "1")
        #expect(try shownID("seed-60") == "2")
        #expect(try shownID("seed-30ep") == "1")
        let ambiguous = try corpus.ser(["show", "seed"])
        #expect(ambiguous.status == 1)
        #expect(
            ambiguous.stderr.contains("ser: error:") && ambiguous.stderr.contains("1 (seed-30ep), 2 (seed-60ep)"), "\(ambiguous.stderr)")
        let diff = try corpus.ser(["diff", "last~1", "last"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let compared = try corpus.ser(["compare", "seed-30ep", "@t-2", "--format", "csv"])
        #expect(compared.status == 0 && compared.stdout.split(separator: "\n").count == 3, "\(compared.stderr)")
        #expect(try corpus.ser(["tag", "last", "paper", "-q"]).status == 0)
        #expect(try shownID("@paper") == "2")
    }

    @Test func usageErrorsSpeakWithOneVoice() throws {
        let misspelt = try SERProcess.run(["rnus"])
        #expect(misspelt.status == 64)
        #expect(misspelt.stderr.hasPrefix("ser: error: "))
        #expect(misspelt.stderr.contains("hint: 'rnus' is not a ser command; did you mean 'ser runs'?"))
        let missing = try SERProcess.run(["show"])
        #expect(missing.stderr.hasPrefix("ser: error: ") && missing.stderr.contains("hint: see 'ser show --help'"))
        let help = try SERProcess.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE") && help.stderr.isEmpty)
    }

    /// `ser rm` moves runs to the trash; several need --force off a terminal; restore and gc.
    @Test func removedRunsGoToTheTrash() throws {
        let corpus = try TestCorpus.importedTones(actors: 6)
        defer { corpus.remove() }
        for name in ["a", "b"] {
            let run = try corpus.ser(["run", "--epochs", "1", "--test-speakers", "6", "--name", name, "-q"] + RunCommandTests.tiny)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let asked = SERProcess.make(["rm", "a", "b", "--db", corpus.database])
        asked.standardInput = FileHandle.nullDevice
        let refused = try SERProcess.collect(asked)
        #expect(refused.status == 1 && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try corpus.ser(["runs", "--json"]).stdout.contains("\"b\""))
        let removed = try corpus.ser(["rm", "a", "b", "--force"])
        #expect(removed.status == 0 && removed.stdout.contains("Moved runs 1, 2 to the trash"), "\(removed.stderr)")
        #expect(try corpus.ser(["runs"]).stdout.contains("No runs yet"))
        let trash = try corpus.ser(["runs", "--deleted"])
        #expect(trash.stdout.contains("a") && trash.stdout.contains("b"))
        #expect(try corpus.ser(["restore", "2"]).status == 0)
        #expect(try corpus.ser(["show", "last", "--json"]).stdout.contains("\"id\" : 2"))
        let collected = try corpus.ser(["gc", "--vacuum", "--json"])
        #expect(collected.status == 0, "\(collected.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(collected.stdout.utf8)) as? [String: Any]
        #expect(report?["runs"] as? Int == 1)
        #expect((report?["checkpoint_bytes"] as? Int ?? 0) > 0)
        #expect(try corpus.ser(["runs", "--quiet"]).stdout.isEmpty)
    }
}
