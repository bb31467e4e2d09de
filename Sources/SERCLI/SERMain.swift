import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERExperiment
import SERStore

/// The process entry point: runs `ser` and turns every error into a clear message on
/// standard error and a non-zero exit code.
public enum SERMain {
    /// Exit codes: 0 success; 1 the command could not do its job; 64 a usage error; 130
    /// interrupted; 141 standard output closed by its reader. Every failure prints
    /// `ser: error: …` naming the input and the rule it broke, and a `hint:` where one helps.
    public static func run(_ arguments: [String]? = nil) -> Never {
        Console.install()
        let rewritten = GlobalArguments.rewrite(arguments ?? Array(CommandLine.arguments.dropFirst()))
        if rewritten.noColor { setenv("NO_COLOR", "1", 1) }
        do {
            var command = try SER.parseAsRoot(rewritten.arguments)
            try command.run()
            finish(0)
        } catch {
            if error is ExitCode || error is ValidationError || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
                let code = SER.exitCode(for: error)
                if code == .success {
                    // --help, --version: their text, on standard output.
                    let message = SER.fullMessage(for: error)
                    if !message.isEmpty { Console.out(message + "\n") }
                    finish(0)
                }
                let message = SER.message(for: error)
                if !message.isEmpty {
                    Console.error("ser: error: \(message.trimmingCharacters(in: .whitespacesAndNewlines))\n")
                    if let hint = hint(for: rewritten.arguments, message: message) { Console.error("hint: \(hint)\n") }
                }
                finish(code.rawValue)
            }
            Console.error("ser: error: \(describe(error))\n")
            // A command stopped by Ctrl-C or SIGTERM: 128 + the signal, as a shell reports it.
            finish(InterruptFlag.exitStatus ?? 1)
        }
    }

    /// The message of a failure: a workbench error about a setting names it as the flag that
    /// sets it (`--layers: …`); every other error describes itself.
    static func describe(_ error: any Error) -> String {
        if let error = error as? WorkbenchError, let key = error.key, error.source == .caller || error.source == nil {
            return "--\(key.kebabCased): \(error.reason)"
        }
        if let error = error as? SplitError { return "--\(error.key.kebabCased): \(error.reason)" }
        if let error = error as? FilterError { return "--where: \(error)" }
        return "\(error)"
    }

    /// A next step for a usage error: the nearest subcommand for a misspelt one, else where
    /// the command's options and examples are.
    static func hint(for arguments: [String], message: String) -> String? {
        let names = SER.configuration.subcommands.map { $0._commandName }
        if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) {
            if let nearest = CommandSuggestion.nearest(to: first, in: names) {
                return "'\(first)' is not a ser command; did you mean 'ser \(nearest)'?"
            }
            return "'\(first)' is not a ser command; the commands are: \(names.joined(separator: ", "))"
        }
        if let first = arguments.first, names.contains(first) {
            return "see 'ser \(first) --help' for its options and examples"
        }
        return "see 'ser --help'"
    }

    /// Checkpoints the databases, flushes standard output and exits with `code`, or with the
    /// status ``Console/finish()`` gives when the output could not be written.
    private static func finish(_ code: Int32) -> Never {
        OpenStores.checkpointAll()
        let outputFailure = Console.finish()
        exit(code == 0 ? outputFailure ?? 0 : code)
    }
}
