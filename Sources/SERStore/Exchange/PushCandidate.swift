/// A local run `ser push` may upload, with the content-addressed things it depends on.
public struct PushCandidate: Sendable, Hashable {
    public let id: Int64
    public let uuid: String
    /// The parent run's local id (a fold's k-fold run, a trial's sweep).
    public let parentID: Int64?
    public let status: RunStatus
    /// `dataset_versions.hash`, when the run has a dataset version.
    public let datasetVersionHash: String?
    /// `feature_configs.hash`, when the run has a feature recipe.
    public let featureConfigHash: String?

    public init(id: Int64, uuid: String, parentID: Int64?, status: RunStatus, datasetVersionHash: String?, featureConfigHash: String?) {
        self.id = id
        self.uuid = uuid
        self.parentID = parentID
        self.status = status
        self.datasetVersionHash = datasetVersionHash
        self.featureConfigHash = featureConfigHash
    }
}
