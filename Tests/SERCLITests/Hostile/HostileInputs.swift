import Foundation
import SERTestSupport

/// The generator of hostile inputs: every case of the robustness suite, by category. The
/// cases come from issue #16 ("Inputs that break it") and their neighbours.
///
/// A case marked `knownIssue: N` does not hold on this branch; item N's fix lands on another
/// branch (the marker goes once it is merged).
enum HostileInputs {
    static var all: [HostileCase] {
        audio + predict + paths + manifests + configs + filters + flags + outputs + streams
    }

    /// `ser import corpus --layout ravdess --name h` (plus `extra`).
    static func importing(_ extra: [String] = []) -> HostileCommand {
        HostileCommand(arguments: ["import", "corpus", "--layout", "ravdess", "--name", "h"] + extra)
    }

    /// The good clips of a ``HostileCase/Base/goodCorpus`` base.
    static let goodClips = 4

    /// An import case: `write` adds one hostile thing to the good corpus.
    static func corpusCase(
        _ category: HostileCase.Category, _ name: String, expect: HostileExpectation, knownIssue: KnownIssue? = nil,
        needsNonRoot: Bool = false, _ write: @escaping @Sendable (HostileWorkspace) throws -> Void
    ) -> HostileCase {
        HostileCase(category, name, base: .goodCorpus, expect: expect, knownIssue: knownIssue, needsNonRoot: needsNonRoot) {
            try write($0)
            return importing()
        }
    }

    /// An import case whose one hostile file holds `data` under a clip name.
    static func badClip(
        _ name: String, _ data: @autoclosure @escaping @Sendable () -> Data, expect: HostileExpectation? = nil,
        knownIssue: KnownIssue? = nil
    ) -> HostileCase {
        let file = (HostileWorkspace.clipName() as NSString).lastPathComponent
        return corpusCase(.audio, name, expect: expect ?? .rejects(file, clips: goodClips), knownIssue: knownIssue) {
            try $0.write(HostileWorkspace.clipName(), data())
        }
    }
}

/// Thrown by a case's setup when the case cannot be set up here (e.g. `mknod` needs root).
struct HostileSkip: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
