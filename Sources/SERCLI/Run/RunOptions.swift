import SERCore
import ArgumentParser
import Foundation
import SERWorkbench

/// The settings flags shared by `ser run` and `ser sweep`: `--config FILE`, then one flag per
/// setting of ``RunSettings/all`` (`--epochs 30`, `--max-frames=250`, `--layers 128,64`),
/// derived from that table rather than declared here. An absent flag keeps the value from
/// `--config`, the recipe or the default.
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Settings file: a JSON object of setting names and values; flags override it.", valueName: "file"))
    var config: String?

    /// Every other `--flag value` of the command, read against the settings table.
    @Argument(parsing: .allUnrecognized, help: .hidden)
    var settingArguments: [String] = []

    /// The settings flags given, in order, as `(setting key, text)`.
    ///
    /// - Throws: `ValidationError` naming an unknown flag (with the nearest setting flag), a
    ///   flag without a value, or a stray argument.
    func given() throws -> [(key: String, text: String)] {
        var out: [(key: String, text: String)] = []
        var i = 0
        let flags = Dictionary(uniqueKeysWithValues: RunSettings.all.map { ("--" + $0.key.kebabCased, $0.key) })
        while i < settingArguments.count {
            let token = settingArguments[i]
            guard token.hasPrefix("--") else {
                throw ValidationError("unexpected argument '\(token)'; settings are given as --name value (see --help)")
            }
            let (flag, inline) =
                token.firstIndex(of: "=").map { (String(token[..<$0]), String(token[token.index(after: $0)...])) } ?? (token, nil)
            guard let key = flags[flag] else {
                let nearest = CommandSuggestion.nearest(to: flag, in: Array(flags.keys))
                throw ValidationError(
                    "unknown option '\(flag)'" + (nearest.map { "; did you mean '\($0)'?" } ?? "") + " (see --help for every setting)")
            }
            if let inline {
                out.append((key, inline))
                i += 1
            } else {
                guard i + 1 < settingArguments.count, flags[settingArguments[i + 1]] == nil else {
                    throw ValidationError("\(flag) needs a value (\(RunSettings.byKey[key]?.valueName ?? "value"))")
                }
                out.append((key, settingArguments[i + 1]))
                i += 2
            }
        }
        return out
    }

    /// The flags given, as JSON values by setting key (a flag given twice: the last wins).
    ///
    /// - Throws: `ValidationError` `--flag: reason` for a value its setting cannot read (see
    ///   ``value(_:of:runs:)``).
    func overrides(runs: ((String) throws -> Int64)? = nil) throws -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for (key, text) in try given() {
            guard let setting = RunSettings.byKey[key] else { continue }
            out[key] = try Self.value(text, of: setting, runs: runs)
        }
        return out
    }

    /// `text` given for `setting` on the command line, as the setting's JSON value. `runs`
    /// turns a run reference that is not an id (`--teacher bs6x5`, `--teacher last`) into
    /// the run's id for a setting that ``Setting/namesRun``; without it only ids are read.
    ///
    /// - Throws: `ValidationError` `--flag: reason` for a value the setting cannot read or a
    ///   run reference `runs` cannot resolve.
    static func value(_ text: String, of setting: Setting, runs: ((String) throws -> Int64)?) throws -> JSONValue {
        do {
            if setting.namesRun, Int(text) == nil, let runs {
                return .integer(try runs(text))
            }
            return try setting.parse(text: text)
        } catch let error as any LocatedError {
            // A value the setting refuses (WorkbenchError) or a run the database cannot find (StoreError).
            throw ValidationError("--\(setting.key.kebabCased): \(error.reason)")
        }
    }

    /// The settings: defaults ← recipe ← `--config` ← these flags (``RunSettings/resolved(file:given:)``),
    /// with `runs` resolving run references given as names (see ``overrides(runs:)``).
    func resolve(runs: ((String) throws -> Int64)? = nil) throws -> RunSettings {
        try RunSettings.resolved(config: config, given: try overrides(runs: runs))
    }

    /// The settings flags for help: one entry per setting, grouped, wrapped to 79 columns
    /// with the description hanging at column 30 (argument-parser keeps lines that fit).
    static var help: String {
        let indent = 30, width = 79
        func entry(_ setting: Setting) -> String {
            let flag = "  --\(setting.key.kebabCased) <\(setting.valueName)>"
            let margin = String(repeating: " ", count: indent)
            var lines = flag.count < indent ? [flag.padding(toLength: indent, withPad: " ", startingAt: 0)] : [flag, margin]
            for word in setting.help.split(separator: " ") {
                let last = lines[lines.count - 1]
                let gap = last.count > indent ? " " : ""
                if last.count > indent && last.count + gap.count + word.count > width {
                    lines.append(margin + word)
                } else {
                    lines[lines.count - 1] = last + gap + word
                }
            }
            return lines.joined(separator: "\n")
        }
        return Setting.Group.allCases.map { group in
            "\(group.rawValue.capitalized) settings:\n" + RunSettings.all.filter { $0.group == group }.map(entry).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
