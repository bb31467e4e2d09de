public import SERCore
public import SERStore

/// A run's `provenance` row as `--json` prints it: counts as numbers, `extra` as an object.
public struct ProvenanceReport: Encodable, Sendable {
    public var serVersion: String
    @Nullable public var buildCommit: String?
    @Nullable public var datasetHash: String?
    @Nullable public var featureConfigHash: String?
    @Nullable public var hostname: String?
    @Nullable public var os: String?
    @Nullable public var cpuModel: String?
    @Nullable public var cpuCores: Int?
    @Nullable public var blasThreads: Int?
    /// Anything else recorded (GEMM backend, Swift version, …).
    public var extra: JSONValue

    public init(_ p: Provenance) {
        serVersion = p.serVersion
        buildCommit = p.buildCommit
        datasetHash = p.datasetHash
        featureConfigHash = p.featureConfigHash
        hostname = p.hostname
        os = p.os
        cpuModel = p.cpuModel
        cpuCores = p.cpuCores
        blasThreads = p.blasThreads
        extra = JSONValue(parsingOrKeeping: p.extra)
    }

    /// The fields in display order as `(key, value)`, empty ones left out: what `ser show`
    /// lists and `ser diff` compares.
    public static func fields(_ p: Provenance) -> [(String, JSONValue)] {
        let all: [(String, JSONValue?)] = [
            ("ser_version", .string(p.serVersion)), ("build_commit", p.buildCommit.map(JSONValue.string)),
            ("dataset_hash", p.datasetHash.map(JSONValue.string)), ("feature_config_hash", p.featureConfigHash.map(JSONValue.string)),
            ("hostname", p.hostname.map(JSONValue.string)), ("os", p.os.map(JSONValue.string)),
            ("cpu_model", p.cpuModel.map(JSONValue.string)),
            ("cpu_cores", p.cpuCores.map { .integer(Int64($0)) }), ("blas_threads", p.blasThreads.map { .integer(Int64($0)) }),
            ("extra", JSONValue(parsingOrKeeping: p.extra)),
        ]
        return all.compactMap { key, value in value.map { (key, $0) } }
    }
}
