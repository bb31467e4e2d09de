/// What `Remote.push` did, run by run (UUIDs, in the order they were considered).
public struct PushReport: Sendable, Hashable {
    /// Runs written to the remote by this push.
    public var pushed: [String] = []
    /// Runs the remote held already (left as they are).
    public var alreadyThere: [String] = []
    /// Runs not pushed, with why (still running, queued, a parent not pushed).
    public var skipped: [Skipped] = []
    /// Feature tensors uploaded (with `features`).
    public var tensors = 0

    /// A run left out of a push.
    public struct Skipped: Sendable, Hashable {
        public let uuid: String
        public let runID: Int64
        public let reason: String
    }

    public init() {}
}
