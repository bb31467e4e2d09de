import SERCore
import SERStore

/// A run's `provenance` row as `--json` prints it: counts as numbers, `extra` as an object.
struct ProvenanceReport: Encodable {
    var serVersion: String
    @Nullable var buildCommit: String?
    @Nullable var datasetHash: String?
    @Nullable var featureConfigHash: String?
    @Nullable var hostname: String?
    @Nullable var os: String?
    @Nullable var cpuModel: String?
    @Nullable var cpuCores: Int?
    @Nullable var blasThreads: Int?
    /// Anything else recorded (GEMM backend, Swift version, …).
    var extra: JSONValue

    init(_ p: Provenance) {
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
    static func fields(_ p: Provenance) -> [(String, JSONValue)] {
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
