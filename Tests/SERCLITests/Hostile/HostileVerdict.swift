import Foundation

/// Checks a hostile case's outcome against the invariants. Pure: the facts about the
/// database and the protected paths are gathered by the caller.
enum HostileVerdict {
    /// What the caller found after the run.
    struct Facts: Sendable {
        /// `PRAGMA integrity_check`'s answer, or `nil` when there is no database.
        var integrity: String?
        /// Clips in dataset `h` (nil when there is no such dataset).
        var clips: Int?
        /// Protected paths whose file type changed: path → "was X, now Y".
        var replaced: [String: String] = [:]
    }

    /// Every invariant the outcome breaks, in words; empty when the case held.
    ///
    /// - Parameter stderrCaptured: false when standard error went to `/dev/full` (its
    ///   message cannot be checked).
    static func violations(
        _ outcome: HostileRunner.Outcome, _ expectation: HostileExpectation, _ facts: Facts, stderrCaptured: Bool = true
    ) -> [String] {
        if outcome.timedOut { return ["hung: still running after \(Int(HostileRunner.timeout)) s, killed"] }
        if outcome.signalled {
            return ["crashed: killed by signal \(outcome.status) (\(signalName(outcome.status)))"] + databaseViolations(facts)
        }
        var problems: [String] = []
        let failed = outcome.status != 0
        switch expectation.exit {
        case .success where failed: problems.append("exit \(outcome.status), expected 0")
        case .failure where !failed: problems.append("exit 0, expected a non-zero exit (the command could not do its job)")
        default: break
        }
        if failed && stderrCaptured {
            let lower = outcome.stderr.lowercased()
            if !lower.contains("error:") { problems.append("no `error:` message on standard error") }
            for name in expectation.names where !outcome.stderr.contains(name) {
                problems.append("the error does not name '\(name)'")
            }
            for text in rawInternals + expectation.forbidden where outcome.stderr.contains(text) {
                problems.append("the error says '\(text)'")
            }
        } else if !failed && expectation.exit == .success {
            let all = outcome.stdout + outcome.stderr
            for name in expectation.names where !all.contains(name) {
                problems.append("the output does not mention '\(name)'")
            }
        }
        for output in expectation.outputs where !outcome.stdout.contains(output) {
            problems.append("standard output lacks '\(output)' (the good part of the batch was not done)")
        }
        if let clips = expectation.clips, !clips.contains(facts.clips ?? -1) {
            let expected = clips.count == 1 ? "\(clips.lowerBound)" : "\(clips.lowerBound)…\(clips.upperBound)"
            problems.append("dataset h holds \(facts.clips.map(String.init) ?? "no") clips, expected \(expected) (the good files)")
        }
        return problems + databaseViolations(facts)
    }

    /// Marks of an internal error shown raw instead of a message about the input.
    static let rawInternals = ["NSCocoaErrorDomain", "DecodingError", "SQLite error", "Fatal error"]

    static func databaseViolations(_ facts: Facts) -> [String] {
        var problems: [String] = []
        if let integrity = facts.integrity, integrity != "ok" { problems.append("integrity_check: \(integrity)") }
        for (path, change) in facts.replaced.sorted(by: { $0.key < $1.key }) { problems.append("\(path) replaced: \(change)") }
        return problems
    }

    static func signalName(_ signal: Int32) -> String {
        [4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM"][
            signal]
            ?? "signal \(signal)"
    }

    /// A path's file type as `lstat` sees it: "regular file", "symlink", "FIFO", …, or "missing".
    static func fileType(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "missing" }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return "regular file"
        case S_IFLNK: return "symlink"
        case S_IFIFO: return "FIFO"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFDIR: return "folder"
        case S_IFSOCK: return "socket"
        default: return "other"
        }
    }
}
