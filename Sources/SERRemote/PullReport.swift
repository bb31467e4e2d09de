/// What `Remote.pull` did.
public struct PullReport: Sendable, Hashable {
    /// UUIDs of the remote's runs copied into the local database, parents first.
    public var pulled: [String] = []
    /// How many of the remote's runs the local database held already.
    public var alreadyHere = 0
    /// Dataset versions (hashes) copied along because the local database lacked them.
    public var datasetVersions: [String] = []
    /// Feature tensors copied (with `features`).
    public var tensors = 0

    public init() {}
}
