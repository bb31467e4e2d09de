/// Receives what training services do, as it happens: the command line prints it, a
/// dashboard streams it, a test records it. Called on the training thread; keep it quick.
public protocol RunObserver: Sendable {
    func handle(_ event: RunEvent)
}

/// Observes nothing.
public struct SilentRunObserver: RunObserver {
    public init() {}
    public func handle(_ event: RunEvent) {}
}
