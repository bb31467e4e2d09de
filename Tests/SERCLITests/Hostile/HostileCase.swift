import Foundation
import Testing

/// One hostile input for `ser`: what it writes, which command it runs, and what `ser` must do
/// with it. A test argument of ``HostileInputTests``, so a failure names the case.
struct HostileCase: Sendable, CustomTestStringConvertible {
    /// The kind of input, for the tally.
    enum Category: String, Sendable, CaseIterable, Comparable {
        /// Audio files whose bytes lie (import, predict, plot).
        case audio
        /// Corpus paths: links, FIFOs, devices, odd names, unreadable folders.
        case path
        /// CSV manifests.
        case manifest
        /// `--config` files (JSON, TOML).
        case config
        /// `--where` expressions.
        case filter = "where"
        /// Flag values.
        case flag
        /// Output paths (`-o`, `--db`).
        case output
        /// Standard output or error that cannot be written.
        case stream

        static func < (a: Category, b: Category) -> Bool {
            allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
        }
    }

    /// What the case starts from.
    enum Base: Sendable {
        /// An empty folder, no database.
        case nothing
        /// A fresh database (`ser init`) and four good tone clips written under `corpus/`
        /// (RAVDESS names), not yet imported.
        case goodCorpus
        /// A copy of a database holding the imported tone corpus (dataset `tones`) and one
        /// finished tiny run (id in ``HostileWorkspace/runID``).
        case trained
    }

    /// Short name, unique within its category.
    let name: String
    let category: Category
    let base: Base
    /// Writes the case's files into the workspace and returns the command to run.
    let prepare: @Sendable (HostileWorkspace) throws -> HostileCommand
    /// What `ser` must do.
    let expectation: HostileExpectation
    /// Why the case does not hold yet on this branch; the suite then expects the failure
    /// (`withKnownIssue`).
    let knownIssue: KnownIssue?
    /// Cases that mean nothing when run as root (root reads and writes anything).
    let needsNonRoot: Bool

    init(
        _ category: Category, _ name: String, base: Base, expect expectation: HostileExpectation,
        knownIssue: KnownIssue? = nil, needsNonRoot: Bool = false,
        _ prepare: @escaping @Sendable (HostileWorkspace) throws -> HostileCommand
    ) {
        self.category = category
        self.name = name
        self.base = base
        self.expectation = expectation
        self.knownIssue = knownIssue
        self.needsNonRoot = needsNonRoot
        self.prepare = prepare
    }

    var testDescription: String { "\(category.rawValue)/\(name)" }
}

/// Why a hostile case is known not to hold yet.
enum KnownIssue: Sendable, Equatable, CustomStringConvertible {
    /// Issue #16 item N: its fix lands on another branch; the marker goes once it is merged.
    case item(Int)
    /// Found by this suite and not covered by issue #16: open, with what is wrong.
    case open(String)

    var description: String {
        switch self {
        case .item(let n): "#16 item \(n): fixed on another branch, pending merge"
        case .open(let what): "open (found by the hostile suite, not in #16): \(what)"
        }
    }
}

/// The `ser` command a case runs, where its output streams go, and the paths it must not
/// turn into something else.
struct HostileCommand: Sendable {
    /// Where a standard stream goes.
    enum Stream: Sendable {
        /// A pipe the test reads.
        case captured
        /// `/dev/full`: every write fails with ENOSPC.
        case full
    }

    /// Arguments after `ser` (`--db` is added for every base but ``HostileCase/Base/nothing``).
    var arguments: [String]
    var stdout: Stream = .captured
    var stderr: Stream = .captured
    /// Paths whose file type (FIFO, device, symlink, folder) must be the same after the run.
    var protected: [String] = []
}

/// What `ser` must do with a hostile input. Every case also requires: the process ends by
/// itself within ``HostileRunner/timeout`` (no hang), by exiting (no signal: no crash, abort
/// or trap), and the database, if any, passes `PRAGMA integrity_check`.
struct HostileExpectation: Sendable {
    /// The exit status required.
    enum Exit: Sendable {
        /// 0: the command did its job.
        case success
        /// Non-zero: the command could not do its job.
        case failure
        /// Either, as long as a failure names ``names`` in an error message.
        case either
    }

    var exit: Exit
    /// Texts (file names, flags, setting keys) the output must mention: in a failure,
    /// standard error must hold an `error:` line and each of them; in a success, standard
    /// output or error must list each (as a rejected file, say).
    var names: [String]
    /// Texts standard error must not hold (a misleading message the issue quotes).
    var forbidden: [String] = []
    /// Texts standard output must hold (the good part of a batch was done).
    var outputs: [String] = []
    /// The number of clips dataset `h` must hold afterwards (the good part of an import; a
    /// range where a file may be either imported or rejected).
    var clips: ClosedRange<Int>? = nil

    /// The command is refused with an error naming `names`.
    static func refuses(naming names: String...) -> HostileExpectation { .init(exit: .failure, names: names) }
    /// The command is refused with an error naming `names` and not saying `wrong`.
    static func refuses(naming names: String..., notSaying wrong: String) -> HostileExpectation {
        .init(exit: .failure, names: names, forbidden: [wrong])
    }
    /// The command succeeds for the good files and lists each bad one by name.
    static func rejects(_ names: String..., clips: Int) -> HostileExpectation { .init(exit: .success, names: names, clips: clips...clips) }
    /// The command imports the good files (`clips`) and does not crash, hang or corrupt; the
    /// bad file may be imported or rejected.
    static func survives(clips: ClosedRange<Int>) -> HostileExpectation { .init(exit: .success, names: [], clips: clips) }
    /// The command may succeed or fail, but a failure names `names`.
    static func succeedsOrRefuses(naming names: String...) -> HostileExpectation { .init(exit: .either, names: names) }
    /// The command succeeds.
    static let succeeds = HostileExpectation(exit: .success, names: [])
}
