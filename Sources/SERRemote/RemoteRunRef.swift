/// A run as the remote lists it for pulling: its UUID and what it refers to.
struct RemoteRunRef: Sendable, Hashable {
    let uuid: String
    /// The parent run's UUID.
    let parent: String?
    /// `dataset_version_hash`.
    let version: String?
    /// `feature_config_hash`.
    let recipe: String?
}
