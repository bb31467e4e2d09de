/// Points inside a push where a caller may stop it, for tests of interrupted pushes. Throwing
/// from ``beforeCommit`` rolls the run's remote transaction back; throwing from ``afterRun``
/// stops the push after that run was committed.
public struct PushHooks: Sendable {
    /// Called with a run's UUID inside its remote transaction, just before `COMMIT`.
    public var beforeCommit: (@Sendable (String) throws -> Void)?
    /// Called with a run's UUID after its transaction was committed.
    public var afterRun: (@Sendable (String) throws -> Void)?

    public init(beforeCommit: (@Sendable (String) throws -> Void)? = nil, afterRun: (@Sendable (String) throws -> Void)? = nil) {
        self.beforeCommit = beforeCommit
        self.afterRun = afterRun
    }
}
