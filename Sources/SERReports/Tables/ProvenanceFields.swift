public import SERStore

/// A run's provenance as named text fields, in one order for every front end.
public enum ProvenanceFields {
    /// Provenance as `field → text` pairs in display order, empty fields left out.
    public static func fields(_ p: Provenance) -> [(String, String)] {
        let all: [(String, String?)] = [
            ("ser_version", p.serVersion), ("build_commit", p.buildCommit), ("dataset_hash", p.datasetHash),
            ("feature_config_hash", p.featureConfigHash), ("hostname", p.hostname), ("os", p.os), ("cpu_model", p.cpuModel),
            ("cpu_cores", p.cpuCores.map(String.init)), ("blas_threads", p.blasThreads.map(String.init)), ("extra", p.extra),
        ]
        return all.compactMap { key, value in value.map { (key, $0) } }
    }
}
