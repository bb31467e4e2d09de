public import SERCore
public import SERStore

/// The application services of `ser` over one database: import, features, training (new,
/// resumed, reproduced, k-fold, seeds), sweeps, ensembles, evaluation and trained models.
///
/// Every front end (the command line, the dashboard, a worker, a library caller) makes one
/// `Workbench` and calls it. It prints nothing: it reports through ``observer`` and
/// ``progress``, stops when ``cancellation`` is cancelled (after the transaction in flight),
/// records ``invocation`` as each run's command line, and throws typed errors
/// (``WorkbenchError``, `StoreError`, `ImportError`, ``ModelUseError``…).
public struct Workbench: Sendable {
    /// The database every service reads and writes.
    public let store: Store
    /// Receives training events (epochs, folds, status).
    public var observer: any RunObserver
    /// Receives counted progress (files imported, clips featurised).
    public var progress: any ProgressReporter
    /// Stops long work at its next safe point.
    public var cancellation: CancellationToken
    /// Recorded as `runs.command_line`.
    public var invocation: Invocation
    /// Whether training verifies the source audio when every tensor it needs is cached.
    public var sourceVerification: SourceVerification = .always

    public init(
        store: Store, observer: any RunObserver = SilentRunObserver(), progress: any ProgressReporter = SilentProgress(),
        cancellation: CancellationToken = CancellationToken(), invocation: Invocation = Invocation(commandLine: "SERWorkbench")
    ) {
        self.store = store
        self.observer = observer
        self.progress = progress
        self.cancellation = cancellation
        self.invocation = invocation
    }

    /// This workbench with another observer (e.g. one that adds to the caller's).
    public func observed(by observer: any RunObserver) -> Workbench {
        var copy = self
        copy.observer = observer
        return copy
    }
}

extension Workbench {
    /// This workbench reporting nothing (for work done again quietly, e.g. a data check).
    var quiet: Workbench {
        var copy = self
        copy.observer = SilentRunObserver()
        copy.progress = SilentProgress()
        return copy
    }
}

extension Workbench {
    /// A workbench over a new database at `path` (created with the current schema).
    ///
    /// - Throws: `StoreError` `.alreadyExists` when a file is there.
    public static func create(at path: String) throws -> Workbench {
        Workbench(store: try Store.create(at: path))
    }

    /// A workbench over the database at `path` (migrated to the current schema).
    public static func open(at path: String, readOnly: Bool = false) throws -> Workbench {
        Workbench(store: try Store.open(at: path, readOnly: readOnly))
    }
}
