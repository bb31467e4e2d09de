/// Where a service reports counted work (files hashed, clips featurised), so that a front end
/// can draw a bar, write log lines or stay silent.
public protocol ProgressReporter: Sendable {
    /// Starts a task of `total` units (`unit` plural, e.g. `files`, `clips`) titled `title`
    /// (`importing`, `features`). The service calls ``ProgressTask/advance(by:)`` from any
    /// thread and ``ProgressTask/finish()`` once.
    func begin(_ title: String, total: Int, unit: String) -> any ProgressTask
}

/// One counted task of a ``ProgressReporter``.
public protocol ProgressTask: Sendable {
    /// `count` more units are done (thread-safe).
    func advance(by count: Int)
    /// The task ended (also when it stopped early). Later calls do nothing.
    func finish()
}

/// Reports nothing: the default for library callers and tests.
public struct SilentProgress: ProgressReporter, ProgressTask {
    public init() {}
    public func begin(_ title: String, total: Int, unit: String) -> any ProgressTask { self }
    public func advance(by count: Int) {}
    public func finish() {}
}
