/// The tables `ser push` and `ser pull` copy, in the order they are written (what a row
/// refers to comes first). A remote keeps the same tables and columns, keyed by the UUIDs and
/// content hashes named here, so copying the same thing twice changes nothing.
public enum ExchangeSchema {
    /// Every exchanged table, in writing order.
    public static let all: [ExchangeTableSpec] = datasetVersion + featureConfig + featureSet + run

    /// The tables of one scope, in writing order.
    public static func tables(_ scope: ExchangeScope) -> [ExchangeTableSpec] { all.filter { $0.scope == scope } }

    static let versionID = "(SELECT id FROM dataset_versions WHERE hash = ?1 ORDER BY id LIMIT 1)"

    static let datasetVersion: [ExchangeTableSpec] = [
        ExchangeTableSpec(
            "datasets", .datasetVersion, ["name", "layout", "root_path", "created_at", "description"],
            export: "SELECT name, layout, root_path, created_at, description FROM datasets "
                + "WHERE id = (SELECT dataset_id FROM dataset_versions WHERE id = \(versionID))",
            import: "INSERT OR IGNORE INTO datasets (name, layout, root_path, created_at, description) VALUES (?1, ?2, ?3, ?4, ?5)"),
        ExchangeTableSpec(
            "labels", .datasetVersion, ["name", "canonical", "description"],
            export: "SELECT DISTINCT l.name, l.canonical, l.description FROM labels l JOIN clips c ON c.label = l.name "
                + "JOIN dataset_version_clips vc ON vc.clip_id = c.id WHERE vc.version_id = \(versionID)",
            import: "INSERT OR IGNORE INTO labels (name, canonical, description) VALUES (?1, ?2, ?3)"),
        ExchangeTableSpec(
            "clips", .datasetVersion,
            [
                "content_hash", "dataset_name", "path", "relative_path", "file_size", "format", "sample_rate", "channels", "frames",
                "duration", "label", "original_label", "speaker", "gender", "attributes", "imported_at",
            ],
            export: """
                SELECT c.content_hash, d.name, c.path, c.relative_path, c.file_size, c.format, c.sample_rate, c.channels,
                       c.frames, c.duration, c.label, c.original_label, c.speaker, c.gender, c.attributes, c.imported_at
                FROM clips c JOIN datasets d ON d.id = c.dataset_id JOIN dataset_version_clips vc ON vc.clip_id = c.id
                WHERE vc.version_id = \(versionID) ORDER BY c.id
                """,
            import: """
                INSERT OR IGNORE INTO clips (content_hash, dataset_id, path, relative_path, file_size, format, sample_rate,
                                             channels, frames, duration, label, original_label, speaker, gender, attributes,
                                             imported_at)
                VALUES (?1, (SELECT id FROM datasets WHERE name = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                        ?15, ?16)
                """),
        ExchangeTableSpec(
            "dataset_versions", .datasetVersion, ["hash", "dataset_name", "clip_count", "created_at", "note"],
            export: "SELECT v.hash, d.name, v.clip_count, v.created_at, v.note FROM dataset_versions v "
                + "JOIN datasets d ON d.id = v.dataset_id WHERE v.id = \(versionID)",
            import: "INSERT INTO dataset_versions (hash, dataset_id, clip_count, created_at, note) "
                + "SELECT ?1, (SELECT id FROM datasets WHERE name = ?2), ?3, ?4, ?5 "
                + "WHERE NOT EXISTS (SELECT 1 FROM dataset_versions WHERE hash = ?1)"),
        ExchangeTableSpec(
            "dataset_version_clips", .datasetVersion, ["version_hash", "clip_hash"],
            export: "SELECT v.hash, c.content_hash FROM dataset_version_clips vc JOIN dataset_versions v ON v.id = vc.version_id "
                + "JOIN clips c ON c.id = vc.clip_id WHERE v.id = \(versionID) ORDER BY c.id",
            import: """
                INSERT OR IGNORE INTO dataset_version_clips (version_id, clip_id)
                SELECT v.id, (SELECT c.id FROM clips c WHERE c.dataset_id = v.dataset_id AND c.content_hash = ?2 ORDER BY c.id LIMIT 1)
                FROM dataset_versions v WHERE v.hash = ?1 ORDER BY v.id LIMIT 1
                """),
    ]

    static let featureConfig: [ExchangeTableSpec] = [
        ExchangeTableSpec(
            "feature_configs", .featureConfig, ["hash", "name", "params", "dims", "feature_names", "created_at"],
            export: "SELECT hash, name, params, dims, feature_names, created_at FROM feature_configs WHERE hash = ?1",
            import: "INSERT OR IGNORE INTO feature_configs (hash, name, params, dims, feature_names, created_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
    ]

    /// One row per tensor: the recipe's hash, the clip's content hash and the tensor as the
    /// local `features` table holds it (float32 [frames, dims], little-endian). Written for
    /// every local clip of that content; the recipe must be here first.
    static let featureSet: [ExchangeTableSpec] = [
        ExchangeTableSpec(
            "features", .featureSet, ["config_hash", "clip_hash", "frames", "dims", "data", "computed_at", "compute_ms"],
            export: """
                SELECT f.hash, c.content_hash, t.frames, t.dims, t.data, t.computed_at, t.compute_ms
                FROM features t JOIN feature_configs f ON f.id = t.config_id JOIN clips c ON c.id = t.clip_id
                WHERE f.hash = substr(?1, 66, 64)
                  AND t.clip_id IN (SELECT vc.clip_id FROM dataset_version_clips vc
                                    WHERE vc.version_id = (SELECT id FROM dataset_versions WHERE hash = substr(?1, 1, 64)
                                                           ORDER BY id LIMIT 1))
                ORDER BY c.content_hash
                """,
            import: """
                INSERT OR IGNORE INTO features (clip_id, config_id, frames, dims, data, computed_at, compute_ms)
                SELECT c.id, f.id, ?3, ?4, ?5, ?6, ?7 FROM clips c JOIN feature_configs f ON f.hash = ?1
                WHERE c.content_hash = ?2
                """)
    ]

    /// `runs` first; `selected_run_uuid` and `reproduces_run_uuid` may name runs written
    /// later, so they are set by ``runLinksSQL`` once every run of a pull is in.
    static let run: [ExchangeTableSpec] = [
        ExchangeTableSpec(
            "runs", .run,
            [
                "uuid", "name", "kind", "parent_uuid", "status", "dataset_version_hash", "feature_config_hash", "split", "seed",
                "config", "command_line", "created_at", "started_at", "finished_at", "heartbeat_at", "best_epoch",
                "selected_epoch", "selected_run_uuid", "error", "note", "reproduces_run_uuid", "resumed_from_epoch", "deleted_at",
            ],
            export: """
                SELECT r.uuid, r.name, r.kind, p.uuid, r.status, v.hash, f.hash, r.split, r.seed, r.config, r.command_line,
                       r.created_at, r.started_at, r.finished_at, r.heartbeat_at, r.best_epoch, r.selected_epoch, s.uuid,
                       r.error, r.note, q.uuid, r.resumed_from_epoch, r.deleted_at
                FROM runs r LEFT JOIN runs p ON p.id = r.parent_id
                LEFT JOIN dataset_versions v ON v.id = r.dataset_version_id
                LEFT JOIN feature_configs f ON f.id = r.feature_config_id
                LEFT JOIN runs s ON s.id = r.selected_run_id LEFT JOIN runs q ON q.id = r.reproduces_run_id
                WHERE r.uuid = ?1
                """,
            import: """
                INSERT OR IGNORE INTO runs (uuid, name, kind, parent_id, status, dataset_version_id, feature_config_id, split,
                                            seed, config, command_line, created_at, started_at, finished_at, heartbeat_at,
                                            best_epoch, selected_epoch, error, note, resumed_from_epoch, deleted_at)
                VALUES (?1, ?2, ?3, (SELECT id FROM runs WHERE uuid = ?4), ?5,
                        (SELECT min(id) FROM dataset_versions WHERE hash = ?6), (SELECT id FROM feature_configs WHERE hash = ?7),
                        ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?19, ?20, ?22, ?23)
                """),
        .owned("run_tags", ["tag"]),
        .owned("hyperparameters", ["name", "value", "value_num"]),
        .owned(
            "provenance",
            [
                "ser_version", "build_commit", "dataset_hash", "feature_config_hash", "hostname", "os", "cpu_model", "cpu_cores",
                "blas_threads", "extra",
            ]),
        .perClip("run_splits", ["subset"]),
        .owned("run_normalization", ["method", "dims", "mean", "std"]),
        .owned(
            "epochs",
            [
                "epoch", "train_loss", "train_acc", "train_f1", "val_loss", "val_acc", "val_f1", "val_uar", "lr", "wall_seconds",
                "finished_at",
            ]),
        .owned("run_metrics", ["subset", "name", "value", "std"]),
        .owned("class_metrics", ["subset", "label", "precision", "recall", "f1", "support"]),
        .owned("confusion", ["subset", "true_label", "predicted_label", "count"]),
        .perClip("run_predictions", ["subset", "predicted_label", "probabilities"]),
        .owned("checkpoints", ["kind", "epoch", "classes", "state", "sha256", "created_at"]),
        ExchangeTableSpec(
            "checkpoint_tensors", .run, ["run_uuid", "checkpoint_kind", "ordinal", "name", "shape", "data"],
            export: "SELECT r.uuid, k.kind, t.ordinal, t.name, t.shape, t.data FROM checkpoint_tensors t "
                + "JOIN checkpoints k ON k.id = t.checkpoint_id JOIN runs r ON r.id = k.run_id WHERE r.uuid = ?1 "
                + "ORDER BY k.kind, t.ordinal",
            import: "INSERT OR IGNORE INTO checkpoint_tensors (checkpoint_id, ordinal, name, shape, data) "
                + "VALUES ((SELECT k.id FROM checkpoints k JOIN runs r ON r.id = k.run_id WHERE r.uuid = ?1 AND k.kind = ?2), "
                + "?3, ?4, ?5, ?6)"),
    ]

    /// Sets a pulled run's links to other runs (the `runs` row's values as arguments, the
    /// first 21 of them): the selected trial (`?18`) and the reproduced run (`?21`).
    static let runLinksSQL = """
        UPDATE runs SET selected_run_id = (SELECT id FROM runs WHERE uuid = ?18),
                        reproduces_run_id = (SELECT id FROM runs WHERE uuid = ?21)
        WHERE uuid = ?1
        """
}
