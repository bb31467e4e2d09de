import Foundation
import Testing
import SERTestSupport

/// The robustness suite's own machinery: the runner really kills hangs and reports signals,
/// the verdict really flags each broken invariant, and the generator's cases are distinct.
@Suite("Hostile-input harness")
struct HostileHarnessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test func runnerKillsAHangAndSaysSo() throws {
        let outcome = try HostileRunner.run(
            HostileCommand(arguments: ["30"]), in: FileManager.default.temporaryDirectory, executable: URL(fileURLWithPath: "/bin/sleep"),
            timeout: 1)
        #expect(outcome.timedOut && outcome.signalled)
        #expect(outcome.seconds < 20)
        #expect(HostileVerdict.violations(outcome, .succeeds, .init()).first?.hasPrefix("hung") == true)
    }

    @Test func runnerReportsASignalAndTheMemoryLimit() throws {
        let folder = FileManager.default.temporaryDirectory
        // SIGKILL: the one signal an inherited signal mask cannot hold back.
        let killed = try HostileRunner.run(HostileCommand(arguments: ["-c", "kill -KILL $$"]), in: folder, executable: Self.shell)
        #expect(killed.signalled && !killed.timedOut && killed.status == SIGKILL)
        #expect(HostileVerdict.violations(killed, .refuses(naming: "x"), .init()) == ["crashed: killed by signal 9 (SIGKILL)"])
        let limit = try HostileRunner.run(HostileCommand(arguments: ["-c", "ulimit -v"]), in: folder, executable: Self.shell)
        #expect(limit.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == String(HostileRunner.memoryLimitKiB))
    }

    func outcome(_ status: Int32, stdout: String = "", stderr: String = "") -> HostileRunner.Outcome {
        .init(status: status, signalled: false, timedOut: false, stdout: stdout, stderr: stderr, seconds: 0.1)
    }

    @Test func verdictFlagsEachBrokenInvariant() {
        let refuse = HostileExpectation.refuses(naming: "bad.wav")
        #expect(HostileVerdict.violations(outcome(1, stderr: "ser: error: bad.wav: not audio\n"), refuse, .init()).isEmpty)
        #expect(
            HostileVerdict.violations(outcome(0), refuse, .init()) == [
                "exit 0, expected a non-zero exit (the command could not do its job)"
            ])
        #expect(
            HostileVerdict.violations(outcome(1, stderr: "ser: error: not audio\n"), refuse, .init()) == [
                "the error does not name 'bad.wav'"
            ])
        #expect(
            HostileVerdict.violations(outcome(1, stderr: "bad.wav is bad\n"), refuse, .init()) == ["no `error:` message on standard error"])
        #expect(
            HostileVerdict.violations(outcome(1, stderr: "ser: error: bad.wav: SQLite error 1\n"), refuse, .init())
                == ["the error says 'SQLite error'"])
        let reject = HostileExpectation.rejects("bad.wav", clips: 4)
        #expect(HostileVerdict.violations(outcome(0, stdout: "bad.wav: not audio"), reject, .init(integrity: "ok", clips: 4)).isEmpty)
        #expect(
            HostileVerdict.violations(outcome(0, stdout: "bad.wav: not audio"), reject, .init(integrity: "ok", clips: 3))
                == ["dataset h holds 3 clips, expected 4 (the good files)"])
        #expect(
            HostileVerdict.violations(outcome(0), reject, .init(integrity: "ok", clips: 4)) == ["the output does not mention 'bad.wav'"])
        #expect(
            HostileVerdict.violations(outcome(0, stdout: "bad.wav"), reject, .init(integrity: "*** page 3 is never used", clips: 4))
                == ["integrity_check: *** page 3 is never used"])
        #expect(
            HostileVerdict.violations(outcome(0), .succeeds, .init(replaced: ["/tmp/x": "was a FIFO, now regular file"]))
                == ["/tmp/x replaced: was a FIFO, now regular file"])
    }

    @Test func fileTypesAreSeenWithoutFollowingLinks() throws {
        let folder = try ScratchFolder.make("harness")
        let workspace = HostileWorkspace(folder: folder, runID: 0)
        defer { workspace.remove() }
        #expect(HostileVerdict.fileType(try workspace.fifo("f")) == "FIFO")
        #expect(HostileVerdict.fileType(try workspace.link("l", to: "/dev/null")) == "symlink")
        #expect(HostileVerdict.fileType(try workspace.write("r", text: "x")) == "regular file")
        #expect(HostileVerdict.fileType("/dev/null") == "character device")
        #expect(HostileVerdict.fileType(workspace.path("missing")) == "missing")
    }

    @Test func everyCaseHasItsOwnName() {
        let names = HostileInputs.all.map(\.testDescription)
        #expect(Set(names).count == names.count)
        for category in HostileCase.Category.allCases {
            #expect(HostileInputs.all.contains { $0.category == category }, "no case for \(category)")
        }
    }
}
