/// Where a run came from: one row of `provenance`.
public struct Provenance: Sendable, Codable, Equatable {
    public var serVersion: String
    public var buildCommit: String?
    public var datasetHash: String?
    public var featureConfigHash: String?
    public var hostname: String?
    public var os: String?
    public var cpuModel: String?
    public var cpuCores: Int?
    public var blasThreads: Int?
    /// Anything else worth keeping, as a JSON object text.
    public var extra: String

    public init(
        serVersion: String, buildCommit: String? = nil, datasetHash: String? = nil, featureConfigHash: String? = nil,
        hostname: String? = nil, os: String? = nil, cpuModel: String? = nil, cpuCores: Int? = nil,
        blasThreads: Int? = nil, extra: String = "{}"
    ) {
        self.serVersion = serVersion
        self.buildCommit = buildCommit
        self.datasetHash = datasetHash
        self.featureConfigHash = featureConfigHash
        self.hostname = hostname
        self.os = os
        self.cpuModel = cpuModel
        self.cpuCores = cpuCores
        self.blasThreads = blasThreads
        self.extra = extra
    }
}
