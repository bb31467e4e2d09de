import SERStore

/// Which remote rows of an exchanged table belong to a key (`$1`: a version or recipe hash,
/// a feature set's two hashes, or a run UUID), for pulling.
enum RemoteTableFilter {
    static func condition(for table: String, scope: ExchangeScope) -> String {
        switch (scope, table) {
        case (.datasetVersion, "datasets"): "name = (SELECT dataset_name FROM dataset_versions WHERE hash = $1)"
        case (.datasetVersion, "labels"):
            """
            name IN (SELECT c.label FROM clips c JOIN dataset_version_clips vc ON vc.clip_hash = c.content_hash
                     WHERE vc.version_hash = $1)
            """
        case (.datasetVersion, "clips"): "content_hash IN (SELECT clip_hash FROM dataset_version_clips WHERE version_hash = $1)"
        case (.datasetVersion, "dataset_version_clips"): "version_hash = $1"
        case (.datasetVersion, _), (.featureConfig, _): "hash = $1"
        case (.featureSet, _):
            """
            config_hash = substr($1, 66, 64)
            AND clip_hash IN (SELECT clip_hash FROM dataset_version_clips WHERE version_hash = substr($1, 1, 64))
            """
        case (.run, "runs"): "uuid = $1"
        case (.run, _): "run_uuid = $1"
        }
    }

    /// `SELECT` of the table's exchanged columns for one key.
    static func select(_ spec: ExchangeTableSpec) -> String {
        let columns = spec.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        return "SELECT \(columns) FROM \"\(spec.name)\" WHERE \(condition(for: spec.name, scope: spec.scope))"
    }
}
