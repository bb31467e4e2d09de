import Foundation
import Testing

/// The fuzz corpus as regression tests: the plain build of `fuzz-inputs` replays every
/// committed input through the checks the fuzzer runs (scripts/fuzz.sh), and each known
/// crasher on its own.
@Suite("Fuzz corpus replay")
struct FuzzCorpusReplayTests {
    static let replayer = SERProcess.binary.deletingLastPathComponent().appendingPathComponent("fuzz-inputs")
    static let fuzz = SERProcess.packageRoot.appendingPathComponent("Fuzz")

    /// Files below `Fuzz/<kind>/<target>/`, as "target/name".
    static func inputs(_ kind: String) -> [String] {
        let folder = fuzz.appendingPathComponent(kind)
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
        }
    }

    @Test func everyCommittedInputPasses() throws {
        let count = Self.inputs("corpus").count
        #expect(count >= 29)  // the generated seeds at least
        let outcome = try HostileRunner.run(HostileCommand(arguments: []), in: Self.fuzz, executable: Self.replayer)
        #expect(!outcome.signalled && !outcome.timedOut && outcome.status == 0, "\(outcome.summary)")
        #expect(outcome.stdout.contains("replayed \(count) inputs"), "\(outcome.stdout)")
    }

    /// Inputs the fuzzer found crashing `AudioDecoder` (a header claiming more frames than
    /// the file can hold): each must now replay cleanly, refused before any allocation.
    @Test(arguments: inputs("crashers"))
    func knownCrasherReplaysCleanly(_ input: String) throws {
        let target = String(input.prefix { $0 != "/" })
        let path = Self.fuzz.appendingPathComponent("crashers/\(input)").path
        // 2 GiB of address space, near the fuzzer's 1 GB malloc limit: a header that makes the
        // decoder allocate gigabytes for a file of a few bytes fails here, as in the fuzzer.
        let outcome = try HostileRunner.run(
            HostileCommand(arguments: ["replay", target, path]), in: Self.fuzz, executable: Self.replayer, memoryLimitKiB: 2 << 20)
        #expect(!outcome.signalled && !outcome.timedOut && outcome.status == 0, "\(input): \(outcome.summary)")
    }
}
