import Foundation
import Testing
@testable import SERCLI
@testable import SERWorkbench
@testable import SERReports
import SERTestSupport

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

/// One representative bad input per command, what it must name, and the status it must end
/// with (1: the command could not do its job; 64: the command line itself is wrong).
struct BadInput: Sendable, CustomStringConvertible {
    let command: String
    let arguments: [String]
    let names: String
    let status: Int32
    var description: String { "ser " + arguments.joined(separator: " ") }

    static let everyCommand: [BadInput] = [
        BadInput(command: "init", arguments: ["init", "/nonexistent/dir/ser.db"], names: "/nonexistent/dir", status: 1),
        BadInput(command: "status", arguments: ["--db", "/nonexistent/ser.db", "status"], names: "/nonexistent/ser.db", status: 1),
        BadInput(command: "import", arguments: ["import", "/nonexistent/corpus"], names: "/nonexistent/corpus", status: 1),
        BadInput(command: "datasets", arguments: ["datasets", "nosuch"], names: "'nosuch'", status: 1),
        BadInput(command: "clips", arguments: ["clips", "--dataset", "nosuch"], names: "'nosuch'", status: 1),
        BadInput(command: "features", arguments: ["features", "--dataset", "nosuch"], names: "'nosuch'", status: 1),
        BadInput(command: "run", arguments: ["run", "--epochs", "0"], names: "--epochs: must be between 1", status: 1),
        BadInput(command: "sweep", arguments: ["sweep", "--lr", "1e-3,abc"], names: "--lr: expected a number (got 'abc')", status: 1),
        BadInput(command: "runs", arguments: ["runs", "--limit", "0"], names: "--limit must be at least 1", status: 64),
        BadInput(command: "show", arguments: ["show", "99"], names: "no run 99", status: 1),
        BadInput(command: "compare", arguments: ["compare", "98", "99"], names: "no run 98", status: 1),
        BadInput(command: "diff", arguments: ["diff", "last"], names: "<run-b>", status: 64),
        BadInput(command: "tag", arguments: ["tag", "99", "paper"], names: "no run 99", status: 1),
        BadInput(command: "note", arguments: ["note", "99", "hello"], names: "no run 99", status: 1),
        BadInput(command: "rm", arguments: ["rm", "99"], names: "no run 99", status: 1),
        BadInput(command: "restore", arguments: ["restore", "99"], names: "run 99 is not in the trash", status: 1),
        BadInput(command: "gc", arguments: ["gc", "--bogus"], names: "'--bogus'", status: 64),
        BadInput(command: "plot", arguments: ["plot", "curves", "99"], names: "no run 99", status: 1),
        BadInput(command: "report", arguments: ["report", "99"], names: "no run 99", status: 1),
        BadInput(command: "export", arguments: ["export", "99", "-o", "/nonexistent/x.onnx"], names: "no run 99", status: 1),
        BadInput(command: "predict", arguments: ["predict", "--run", "99", "/nonexistent.wav"], names: "no run 99", status: 1),
        BadInput(command: "enroll", arguments: ["enroll", "alice", "/nonexistent", "--run", "99"], names: "/nonexistent", status: 1),
        BadInput(command: "evaluate", arguments: ["evaluate", "99", "--dataset", "x"], names: "no run 99", status: 1),
        BadInput(command: "ensemble", arguments: ["ensemble", "98", "99"], names: "no run 98", status: 1),
        BadInput(command: "which", arguments: ["which", "/nonexistent.wav"], names: "/nonexistent.wav", status: 1),
        BadInput(command: "ui", arguments: ["ui", "--port", "99999"], names: "--port", status: 64),
        BadInput(command: "remote", arguments: ["remote", "add", "team", "notaurl"], names: "notaurl", status: 1),
        BadInput(command: "push", arguments: ["push", "nosuch"], names: "'nosuch'", status: 1),
        BadInput(command: "pull", arguments: ["pull", "nosuch"], names: "nosuch: no such remote", status: 1),
        BadInput(command: "worker", arguments: ["worker", "nosuch"], names: "nosuch: no such remote", status: 1),
        BadInput(command: "queue", arguments: ["queue", "nosuch"], names: "nosuch: no such remote", status: 1),
    ]
}

/// The same through the binary.
@Suite(.serialized) struct GitLikeCLIProcessTests {
    /// Every command, on a representative bad input, prints one `ser: error:` message naming
    /// the input at fault, writes nothing to stdout and exits non-zero (#18) — and the list
    /// covers every command `ser` has.
    @Test func everyCommandSpeaksWithOneVoiceOnBadInput() throws {
        let commands = Set(SER.configuration.subcommands.map { $0._commandName })
        #expect(Set(BadInput.everyCommand.map(\.command)) == commands, "a command without a bad-input case")
        let folder = try ScratchFolder.make()
        #expect(try SERProcess.run(["init", "-q"], in: folder).status == 0)
        for bad in BadInput.everyCommand {
            let result = try SERProcess.run(bad.arguments, in: folder)
            #expect(result.status == bad.status, "\(bad): exit \(result.status), \(result.stderr)")
            #expect(result.stderr.hasPrefix("ser: error: "), "\(bad): \(result.stderr)")
            #expect(result.stderr.contains(bad.names), "\(bad) does not name \(bad.names): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(bad) wrote to stdout: \(result.stdout)")
        }
    }

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
