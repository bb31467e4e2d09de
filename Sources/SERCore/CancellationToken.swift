import Synchronization

/// Asks long work (an import, featurisation, training, a sweep) to stop at its next safe
/// point: between files, batches or epochs, after the transaction in flight has committed.
///
/// A token is cancelled by ``cancel()`` from any thread, or by a `polling` closure the front
/// end supplies (the command line polls its signal flag; a server its request's lifetime).
/// Reading ``isCancelled`` is cheap and safe from any thread. Cancellation cannot be undone.
public final class CancellationToken: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let source: (@Sendable () -> Bool)?

    /// A token cancelled only by ``cancel()`` (and, when given, whenever `source` returns true).
    public init(polling source: (@Sendable () -> Bool)? = nil) {
        self.source = source
    }

    /// Asks the work to stop. Idempotent.
    public func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    /// Whether the work was asked to stop.
    public var isCancelled: Bool {
        cancelled.load(ordering: .relaxed) || (source?() ?? false)
    }
}
