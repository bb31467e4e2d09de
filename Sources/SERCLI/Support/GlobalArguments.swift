import SERCore
import SERReports
import SERWorkbench
import Foundation

/// Lets the options every command shares stand where git puts them, before the subcommand
/// (`ser --db lab.db runs`, like `git -C DIR log`), as well as after it.
///
/// Pure: it rewrites the argument list; ``SERMain`` applies it before parsing.
enum GlobalArguments {
    /// Options taking a value that may precede the subcommand.
    static let valued: Set<String> = ["--db"]
    /// Flags that may precede the subcommand.
    static let flags: Set<String> = ["--json", "--quiet", "-q"]
    /// Flags that act on the process, not on a command: `--no-color` (sets `NO_COLOR`).
    static let processFlags: Set<String> = ["--no-color"]

    /// What the rewrite produced.
    struct Rewritten: Equatable {
        /// The arguments to parse: global options found before the subcommand moved after
        /// everything else (before a `--`, if any).
        var arguments: [String]
        /// `--no-color` was given (anywhere before `--`).
        var noColor: Bool
    }

    /// Moves leading global options after the subcommand's own arguments.
    ///
    /// `["--db", "x.db", "--json", "runs", "-n", "3"]` → `["runs", "-n", "3", "--db", "x.db",
    /// "--json"]`. Arguments before the first word that is not a global option stay in place
    /// only if they are not global options (argument-parser then reports them as usual).
    static func rewrite(_ arguments: [String]) -> Rewritten {
        var hoisted: [String] = []
        var rest: [String] = []
        var noColor = false
        var index = 0
        // Leading global options, up to the subcommand.
        while index < arguments.count {
            let word = arguments[index]
            if let equals = word.firstIndex(of: "="), valued.contains(String(word[..<equals])) {
                hoisted.append(word)
            } else if valued.contains(word), index + 1 < arguments.count {
                hoisted += [word, arguments[index + 1]]
                index += 1
            } else if flags.contains(word) {
                hoisted.append(word)
            } else if processFlags.contains(word) {
                noColor = true
            } else {
                break
            }
            index += 1
        }
        // The subcommand and its arguments; `--no-color` is taken out wherever it stands.
        var terminator: Int?
        for word in arguments[index...] {
            if terminator == nil && word == "--" { terminator = rest.count }
            if terminator == nil && processFlags.contains(word) {
                noColor = true
                continue
            }
            rest.append(word)
        }
        if let terminator {
            rest.insert(contentsOf: hoisted, at: terminator)
        } else {
            rest += hoisted
        }
        return Rewritten(arguments: rest, noColor: noColor)
    }
}
