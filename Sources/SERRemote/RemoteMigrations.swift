/// The remote's schema, embedded in the binary. The exchanged tables mirror
/// `SERStore.ExchangeSchema`: the same names and columns, keyed by run UUIDs and content
/// hashes instead of local ids, so every insert can be `ON CONFLICT DO NOTHING`.
public enum RemoteMigrations {
    /// Every migration, in version order.
    public static let all: [RemoteMigration] = [initial, queue, features, seeds]

    /// The newest version this binary knows.
    public static var latestVersion: Int { all.last?.version ?? 0 }

    private static let runKey = "run_uuid TEXT NOT NULL REFERENCES runs(uuid)"

    static let initial = RemoteMigration(
        version: 1, name: "initial",
        statements: [
            """
            CREATE TABLE datasets (
                name TEXT PRIMARY KEY, layout TEXT NOT NULL, root_path TEXT NOT NULL, created_at TEXT NOT NULL,
                description TEXT)
            """,
            "CREATE TABLE labels (name TEXT PRIMARY KEY, canonical BIGINT NOT NULL, description TEXT)",
            """
            CREATE TABLE clips (
                content_hash TEXT PRIMARY KEY CHECK (length(content_hash) = 64), dataset_name TEXT NOT NULL,
                path TEXT NOT NULL, relative_path TEXT NOT NULL, file_size BIGINT NOT NULL, format TEXT NOT NULL,
                sample_rate BIGINT NOT NULL, channels BIGINT NOT NULL, frames BIGINT NOT NULL,
                duration DOUBLE PRECISION NOT NULL, label TEXT NOT NULL REFERENCES labels(name),
                original_label TEXT NOT NULL, speaker TEXT, gender TEXT, attributes TEXT NOT NULL, imported_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE dataset_versions (
                hash TEXT PRIMARY KEY CHECK (length(hash) = 64), dataset_name TEXT NOT NULL REFERENCES datasets(name),
                clip_count BIGINT NOT NULL, created_at TEXT NOT NULL, note TEXT)
            """,
            """
            CREATE TABLE dataset_version_clips (
                version_hash TEXT NOT NULL REFERENCES dataset_versions(hash),
                clip_hash TEXT NOT NULL REFERENCES clips(content_hash),
                PRIMARY KEY (version_hash, clip_hash))
            """,
            """
            CREATE TABLE feature_configs (
                hash TEXT PRIMARY KEY CHECK (length(hash) = 64), name TEXT NOT NULL, params TEXT NOT NULL,
                dims BIGINT NOT NULL, feature_names TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE runs (
                uuid TEXT PRIMARY KEY, name TEXT, kind TEXT NOT NULL, parent_uuid TEXT, status TEXT NOT NULL,
                dataset_version_hash TEXT REFERENCES dataset_versions(hash),
                feature_config_hash TEXT REFERENCES feature_configs(hash), split TEXT, seed BIGINT NOT NULL,
                config TEXT NOT NULL, command_line TEXT NOT NULL, created_at TEXT NOT NULL, started_at TEXT,
                finished_at TEXT, heartbeat_at TEXT, best_epoch BIGINT, selected_epoch BIGINT, selected_run_uuid TEXT,
                error TEXT, note TEXT, reproduces_run_uuid TEXT, resumed_from_epoch BIGINT, deleted_at TEXT,
                pushed_at TIMESTAMPTZ NOT NULL DEFAULT now())
            """,
            "CREATE INDEX runs_by_parent ON runs(parent_uuid)",
            "CREATE TABLE run_tags (\(runKey), tag TEXT NOT NULL, PRIMARY KEY (run_uuid, tag))",
            """
            CREATE TABLE hyperparameters (
                \(runKey), name TEXT NOT NULL, value TEXT NOT NULL, value_num DOUBLE PRECISION, PRIMARY KEY (run_uuid, name))
            """,
            """
            CREATE TABLE provenance (
                run_uuid TEXT PRIMARY KEY REFERENCES runs(uuid), ser_version TEXT NOT NULL, build_commit TEXT,
                dataset_hash TEXT, feature_config_hash TEXT, hostname TEXT, os TEXT, cpu_model TEXT, cpu_cores BIGINT,
                blas_threads BIGINT, extra TEXT NOT NULL)
            """,
            "CREATE TABLE run_splits (\(runKey), clip_hash TEXT NOT NULL, subset TEXT NOT NULL, PRIMARY KEY (run_uuid, clip_hash))",
            """
            CREATE TABLE run_normalization (
                run_uuid TEXT PRIMARY KEY REFERENCES runs(uuid), method TEXT NOT NULL, dims BIGINT NOT NULL,
                mean BYTEA NOT NULL, std BYTEA NOT NULL)
            """,
            """
            CREATE TABLE epochs (
                \(runKey), epoch BIGINT NOT NULL, train_loss DOUBLE PRECISION, train_acc DOUBLE PRECISION,
                train_f1 DOUBLE PRECISION, val_loss DOUBLE PRECISION, val_acc DOUBLE PRECISION, val_f1 DOUBLE PRECISION,
                val_uar DOUBLE PRECISION, lr DOUBLE PRECISION, wall_seconds DOUBLE PRECISION, finished_at TEXT NOT NULL,
                PRIMARY KEY (run_uuid, epoch))
            """,
            """
            CREATE TABLE run_metrics (
                \(runKey), subset TEXT NOT NULL, name TEXT NOT NULL, value DOUBLE PRECISION NOT NULL,
                std DOUBLE PRECISION, PRIMARY KEY (run_uuid, subset, name))
            """,
            """
            CREATE TABLE class_metrics (
                \(runKey), subset TEXT NOT NULL, label TEXT NOT NULL, "precision" DOUBLE PRECISION NOT NULL,
                recall DOUBLE PRECISION NOT NULL, f1 DOUBLE PRECISION NOT NULL, support BIGINT NOT NULL,
                PRIMARY KEY (run_uuid, subset, label))
            """,
            """
            CREATE TABLE confusion (
                \(runKey), subset TEXT NOT NULL, true_label TEXT NOT NULL, predicted_label TEXT NOT NULL,
                count BIGINT NOT NULL, PRIMARY KEY (run_uuid, subset, true_label, predicted_label))
            """,
            """
            CREATE TABLE run_predictions (
                \(runKey), clip_hash TEXT NOT NULL, subset TEXT NOT NULL, predicted_label TEXT NOT NULL,
                probabilities TEXT NOT NULL, PRIMARY KEY (run_uuid, clip_hash))
            """,
            """
            CREATE TABLE checkpoints (
                \(runKey), kind TEXT NOT NULL, epoch BIGINT NOT NULL, classes TEXT NOT NULL, state TEXT NOT NULL,
                sha256 TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (run_uuid, kind))
            """,
            """
            CREATE TABLE checkpoint_tensors (
                run_uuid TEXT NOT NULL, checkpoint_kind TEXT NOT NULL, ordinal BIGINT NOT NULL, name TEXT NOT NULL,
                shape TEXT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (run_uuid, checkpoint_kind, ordinal),
                FOREIGN KEY (run_uuid, checkpoint_kind) REFERENCES checkpoints(run_uuid, kind))
            """,
        ])

    /// The work queue (`ser sweep --queue`, `ser worker`): trials with their full resolved
    /// settings, the parents they aggregate into, and the workers that claim them. A trial's
    /// `uuid` is the UUID its run gets, so the run is recorded once however often it is
    /// trained.
    static let queue = RemoteMigration(
        version: 2, name: "queue",
        statements: [
            """
            CREATE TABLE queue_groups (
                uuid TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('sweep')), name TEXT, config TEXT NOT NULL,
                hyperparameters TEXT NOT NULL, split TEXT NOT NULL, seed BIGINT NOT NULL, tags TEXT NOT NULL,
                dataset_version_hash TEXT NOT NULL REFERENCES dataset_versions(hash),
                feature_config_hash TEXT NOT NULL CHECK (length(feature_config_hash) = 64), command_line TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'finished')),
                created_at TIMESTAMPTZ NOT NULL DEFAULT now(), finished_at TIMESTAMPTZ)
            """,
            """
            CREATE TABLE queue_trials (
                id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, group_uuid TEXT REFERENCES queue_groups(uuid),
                position BIGINT NOT NULL, name TEXT, kind TEXT NOT NULL CHECK (kind IN ('train', 'trial')),
                settings TEXT NOT NULL, dataset_version_hash TEXT NOT NULL REFERENCES dataset_versions(hash),
                feature_config_hash TEXT NOT NULL CHECK (length(feature_config_hash) = 64), tags TEXT NOT NULL, note TEXT,
                command_line TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'finished', 'failed')),
                attempts BIGINT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                max_attempts BIGINT NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
                worker TEXT, heartbeat_at TIMESTAMPTZ, error TEXT,
                created_at TIMESTAMPTZ NOT NULL DEFAULT now(), started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ,
                CHECK (state <> 'running' OR (worker IS NOT NULL AND heartbeat_at IS NOT NULL)))
            """,
            "CREATE INDEX queue_trials_by_state ON queue_trials(state, id)",
            "CREATE INDEX queue_trials_by_group ON queue_trials(group_uuid)",
            """
            CREATE TABLE queue_workers (
                name TEXT PRIMARY KEY, host TEXT NOT NULL, pid BIGINT NOT NULL, jobs BIGINT NOT NULL,
                started_at TIMESTAMPTZ NOT NULL DEFAULT now(), heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                stopped_at TIMESTAMPTZ, finished BIGINT NOT NULL DEFAULT 0, failed BIGINT NOT NULL DEFAULT 0)
            """,
        ])

    /// Feature tensors (`ser push --features`, `ser run/sweep --queue`), so a worker trains
    /// without the audio: one row per recipe and clip content, as the local `features` table
    /// holds it (float32 [frames, dims], little-endian, row-major).
    static let features = RemoteMigration(
        version: 3, name: "features",
        statements: [
            """
            CREATE TABLE features (
                config_hash TEXT NOT NULL REFERENCES feature_configs(hash),
                clip_hash TEXT NOT NULL REFERENCES clips(content_hash), frames BIGINT NOT NULL CHECK (frames > 0),
                dims BIGINT NOT NULL CHECK (dims > 0), data BYTEA NOT NULL CHECK (length(data) = frames * dims * 4),
                computed_at TEXT NOT NULL, compute_ms DOUBLE PRECISION, PRIMARY KEY (config_hash, clip_hash))
            """
        ])

    /// `ser run --seeds --queue`: a group whose members are runs of their own and whose
    /// aggregate is their ensemble.
    static let seeds = RemoteMigration(
        version: 4, name: "seeds",
        statements: [
            "ALTER TABLE queue_groups DROP CONSTRAINT queue_groups_kind_check",
            "ALTER TABLE queue_groups ADD CONSTRAINT queue_groups_kind_check CHECK (kind IN ('sweep', 'seeds'))",
        ])
}
