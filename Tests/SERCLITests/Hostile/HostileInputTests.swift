import Foundation
import Testing

/// The standing robustness suite: every case of ``HostileInputs`` run through the real `ser`
/// binary. Each must end by itself within a minute, by exiting (never a signal), with a
/// non-zero status and an `error:` naming the input when the command could not do its job,
/// leaving the database consistent, the good part of a batch done, and no FIFO, device or
/// link replaced by a regular file. See docs/RELIABILITY.md.
@Suite("Hostile inputs")
struct HostileInputTests {
    @Test(arguments: HostileInputs.all)
    func holds(_ hostile: HostileCase) throws {
        var user: UInt32?
        if hostile.needsNonRoot && getuid() == 0 {
            guard let ordinary = HostileRunner.ordinaryUser else {
                HostileTally.record(
                    hostile, .skipped, problem: "root reads and writes anything, and there is no setpriv to run as another user")
                return
            }
            user = ordinary
        }
        let workspace = try HostileFixture.workspace(for: hostile.base)
        defer { workspace.remove() }
        let command: HostileCommand
        do {
            command = try hostile.prepare(workspace)
        } catch let skip as HostileSkip {
            HostileTally.record(hostile, .skipped, problem: skip.description)
            return
        }
        var arguments = command.arguments
        if hostile.base != .nothing && !arguments.contains("--db") { arguments += ["--db", workspace.database] }
        var protected: [String: String] = [:]
        for path in command.protected { protected[path] = HostileVerdict.fileType(path) }
        var run = command
        run.arguments = arguments
        if let user { HostileRunner.give(workspace.folder, to: user) }
        let outcome = try HostileRunner.run(run, in: workspace.folder, user: user)
        let facts = HostileFixture.facts(workspace, hostile.expectation, protected: protected)
        let problems = HostileVerdict.violations(outcome, hostile.expectation, facts, stderrCaptured: command.stderr == .captured)
        let message = Comment(rawValue: "\(hostile.testDescription): \(problems.joined(separator: "; "))\n  \(outcome.summary)")
        if let known = hostile.knownIssue {
            withKnownIssue(Comment(rawValue: known.description)) {
                #expect(problems.isEmpty, message)
            }
            let result: HostileTally.Result = if case .item = known { .pending } else { .open }
            HostileTally.record(hostile, problems.isEmpty ? .held : result, seconds: outcome.seconds, problem: problems.first ?? "")
        } else {
            #expect(problems.isEmpty, message)
            HostileTally.record(hostile, problems.isEmpty ? .held : .failed, seconds: outcome.seconds, problem: problems.first ?? "")
        }
    }
}
