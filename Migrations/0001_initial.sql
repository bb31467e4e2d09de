-- ser schema, version 1: the whole mission from the start.
--
-- Conventions (docs/SCHEMA.md has the full reference):
--   * ids are INTEGER PRIMARY KEY; foreign keys are enforced (PRAGMA foreign_keys = ON).
--   * timestamps are TEXT, ISO-8601 UTC with milliseconds: '2026-11-25T12:00:00.000Z'.
--   * hashes are TEXT, lowercase hex SHA-256 (64 characters).
--   * tensors are BLOBs of little-endian float32, row-major, no header; their shape is in
--     the row's own columns:  numpy.frombuffer(data, '<f4').reshape(frames, dims).
--   * JSON columns are checked with json_valid().
--   * durations are seconds (REAL), rates Hz (INTEGER).

-- Facts about the database itself (created_by, created_at).
CREATE TABLE ser_info (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- ---------------------------------------------------------------------------------------
-- Labels
-- ---------------------------------------------------------------------------------------

-- The label vocabulary: the canonical emotions plus any label a user's own corpus brings.
CREATE TABLE labels (
    name        TEXT PRIMARY KEY NOT NULL CHECK (length(name) > 0 AND name = lower(name)),
    canonical   INTEGER NOT NULL DEFAULT 0 CHECK (canonical IN (0, 1)),
    description TEXT
);

INSERT INTO labels (name, canonical, description) VALUES
    ('neutral',   1, 'no particular emotion'),
    ('calm',      1, 'calm (RAVDESS)'),
    ('happy',     1, 'happiness, joy'),
    ('sad',       1, 'sadness'),
    ('angry',     1, 'anger'),
    ('fearful',   1, 'fear'),
    ('disgust',   1, 'disgust'),
    ('surprised', 1, 'surprise, including TESS''s pleasant surprise'),
    ('boredom',   1, 'boredom (EmoDB)');

-- ---------------------------------------------------------------------------------------
-- Corpora
-- ---------------------------------------------------------------------------------------

-- A named corpus as the user imported it.
CREATE TABLE datasets (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    layout      TEXT NOT NULL CHECK (layout IN ('ravdess', 'tess', 'emodb', 'crema-d', 'savee', 'folders', 'csv')),
    root_path   TEXT NOT NULL,           -- absolute path of the first imported root
    created_at  TEXT NOT NULL,
    description TEXT
);

-- One audio file of a dataset, as it was when imported. A changed file at the same path is
-- a new clip (new content_hash); the old row stays for the dataset versions that used it.
CREATE TABLE clips (
    id             INTEGER PRIMARY KEY,
    dataset_id     INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    path           TEXT NOT NULL,        -- absolute path at import time
    relative_path  TEXT NOT NULL,        -- path below the dataset root
    content_hash   TEXT NOT NULL CHECK (length(content_hash) = 64),  -- SHA-256 of the file bytes
    file_size      INTEGER NOT NULL CHECK (file_size > 0),           -- bytes
    format         TEXT NOT NULL,        -- container/encoding, e.g. 'FLAC/PCM_16'
    sample_rate    INTEGER NOT NULL CHECK (sample_rate > 0),         -- native rate, Hz
    channels       INTEGER NOT NULL CHECK (channels > 0),            -- native channel count
    frames         INTEGER NOT NULL CHECK (frames > 0),              -- samples per channel
    duration       REAL NOT NULL CHECK (duration > 0),               -- seconds = frames / sample_rate
    label          TEXT NOT NULL REFERENCES labels(name),            -- canonical label
    original_label TEXT NOT NULL,        -- the corpus's own label text or code
    speaker        TEXT,                 -- corpus speaker/actor id; NULL where unknown
    gender         TEXT CHECK (gender IN ('female', 'male')),
    attributes     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),  -- intensity, statement, ...
    imported_at    TEXT NOT NULL,
    UNIQUE (dataset_id, relative_path, content_hash)
);
CREATE INDEX clips_by_label ON clips(dataset_id, label);
CREATE INDEX clips_by_speaker ON clips(dataset_id, speaker);
CREATE INDEX clips_by_hash ON clips(content_hash);

-- Optional PCM kept in the database (`ser import --store-audio`): the decoded samples at the
-- native rate, interleaved, shape [frames, channels]. dtype 'int16' ('<i2') or 'float32' ('<f4').
CREATE TABLE clip_audio (
    clip_id     INTEGER PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
    dtype       TEXT NOT NULL CHECK (dtype IN ('int16', 'float32')),
    sample_rate INTEGER NOT NULL CHECK (sample_rate > 0),
    channels    INTEGER NOT NULL CHECK (channels > 0),
    frames      INTEGER NOT NULL CHECK (frames > 0),
    data        BLOB NOT NULL,
    CHECK (length(data) = frames * channels * (CASE dtype WHEN 'int16' THEN 2 ELSE 4 END))
);

-- A dataset version: a content-addressed set of clips. hash = SHA-256 over the sorted
-- "content_hash<TAB>label<LF>" lines of its clips. Old versions stay for the runs that used them.
CREATE TABLE dataset_versions (
    id         INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    hash       TEXT NOT NULL CHECK (length(hash) = 64),
    clip_count INTEGER NOT NULL CHECK (clip_count >= 0),
    created_at TEXT NOT NULL,
    note       TEXT,
    UNIQUE (dataset_id, hash)
);

CREATE TABLE dataset_version_clips (
    version_id INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,
    clip_id    INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
    PRIMARY KEY (version_id, clip_id)
) WITHOUT ROWID;
CREATE INDEX dataset_version_clips_by_clip ON dataset_version_clips(clip_id);

-- Files an import could not use, with the reason (kept for the report, never fatal).
CREATE TABLE import_rejections (
    id          INTEGER PRIMARY KEY,
    dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    rejected_at TEXT NOT NULL
);

-- ---------------------------------------------------------------------------------------
-- Features
-- ---------------------------------------------------------------------------------------

-- A feature recipe: every parameter (sample rate, resampler, n_fft, hop, n_mels, n_mfcc, ...)
-- as canonical JSON; hash = SHA-256 of that JSON. Two runs asking for the same recipe share
-- the cached tensors.
CREATE TABLE feature_configs (
    id            INTEGER PRIMARY KEY,
    hash          TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
    name          TEXT NOT NULL,          -- e.g. 'mfcc40+chroma+contrast'
    params        TEXT NOT NULL CHECK (json_valid(params)),
    dims          INTEGER NOT NULL CHECK (dims > 0),
    feature_names TEXT NOT NULL CHECK (json_valid(feature_names)),  -- JSON array, one name per dim
    created_at    TEXT NOT NULL
);

-- One clip's features under one recipe: float32 [frames, dims], little-endian, row-major.
CREATE TABLE features (
    id          INTEGER PRIMARY KEY,
    clip_id     INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
    config_id   INTEGER NOT NULL REFERENCES feature_configs(id) ON DELETE CASCADE,
    frames      INTEGER NOT NULL CHECK (frames > 0),
    dims        INTEGER NOT NULL CHECK (dims > 0),
    data        BLOB NOT NULL CHECK (length(data) = frames * dims * 4),
    computed_at TEXT NOT NULL,
    compute_ms  REAL CHECK (compute_ms >= 0),
    UNIQUE (clip_id, config_id)
);
CREATE INDEX features_by_config ON features(config_id);

-- Clips whose features could not be computed under a recipe, and why.
CREATE TABLE feature_errors (
    clip_id   INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
    config_id INTEGER NOT NULL REFERENCES feature_configs(id) ON DELETE CASCADE,
    message   TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (clip_id, config_id)
) WITHOUT ROWID;

-- ---------------------------------------------------------------------------------------
-- Runs
-- ---------------------------------------------------------------------------------------

-- One experiment. kind: 'train' (a single training), 'kfold' (parent of 'fold' children),
-- 'sweep' (parent of 'trial' children). A run whose heartbeat_at is older than a minute
-- while status = 'running' belongs to a process that died (see view run_summary).
CREATE TABLE runs (
    id                 INTEGER PRIMARY KEY,
    name               TEXT,
    kind               TEXT NOT NULL DEFAULT 'train' CHECK (kind IN ('train', 'kfold', 'fold', 'sweep', 'trial')),
    parent_id          INTEGER REFERENCES runs(id) ON DELETE CASCADE,
    status             TEXT NOT NULL DEFAULT 'queued'
                       CHECK (status IN ('queued', 'running', 'finished', 'failed', 'interrupted')),
    dataset_version_id INTEGER REFERENCES dataset_versions(id) ON DELETE RESTRICT,
    feature_config_id  INTEGER REFERENCES feature_configs(id) ON DELETE RESTRICT,
    split              TEXT,                -- 'speaker', 'random', 'kfold:6', ...
    seed               INTEGER NOT NULL,
    config             TEXT NOT NULL CHECK (json_valid(config)),  -- every resolved setting
    command_line       TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    started_at         TEXT,
    finished_at        TEXT,
    heartbeat_at       TEXT,
    pid                INTEGER,
    best_epoch         INTEGER CHECK (best_epoch >= 1),
    error              TEXT,                -- why it failed
    note               TEXT,
    reproduces_run_id  INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    resumed_from_epoch INTEGER
);
CREATE INDEX runs_by_parent ON runs(parent_id);
CREATE INDEX runs_by_status ON runs(status);

CREATE TABLE run_tags (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    tag    TEXT NOT NULL CHECK (length(tag) > 0),
    PRIMARY KEY (run_id, tag)
) WITHOUT ROWID;
CREATE INDEX run_tags_by_tag ON run_tags(tag);

-- Hyperparameters flattened one per row, for filtering and comparing:
-- value is the JSON-encoded value; value_num is its number where it is one.
CREATE TABLE hyperparameters (
    run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    value     TEXT NOT NULL CHECK (json_valid(value)),
    value_num REAL,
    PRIMARY KEY (run_id, name)
) WITHOUT ROWID;
CREATE INDEX hyperparameters_by_name ON hyperparameters(name, value_num);

-- Where a run came from: enough to trust and reproduce it.
CREATE TABLE provenance (
    run_id              INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    ser_version         TEXT NOT NULL,
    build_commit        TEXT,
    dataset_hash        TEXT,
    feature_config_hash TEXT,
    hostname            TEXT,
    os                  TEXT,
    cpu_model           TEXT,
    cpu_cores           INTEGER,
    blas_threads        INTEGER,
    extra               TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra))
);

-- The exact clips of each subset of a run.
CREATE TABLE run_splits (
    run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE RESTRICT,
    subset  TEXT NOT NULL CHECK (subset IN ('train', 'val', 'test')),
    PRIMARY KEY (run_id, clip_id)
) WITHOUT ROWID;

-- Input normalisation computed on the run's training subset: float32 [dims] each.
CREATE TABLE run_normalization (
    run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    method TEXT NOT NULL,                  -- 'global-zscore', 'cmvn', ...
    dims   INTEGER NOT NULL CHECK (dims > 0),
    mean   BLOB NOT NULL CHECK (length(mean) = dims * 4),
    std    BLOB NOT NULL CHECK (length(std) = dims * 4)
);

-- Per-epoch history; one row committed per epoch.
CREATE TABLE epochs (
    run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    epoch        INTEGER NOT NULL CHECK (epoch >= 1),
    train_loss   REAL,
    train_acc    REAL,
    train_f1     REAL,
    val_loss     REAL,
    val_acc      REAL,
    val_f1       REAL,
    val_uar      REAL,
    lr           REAL,
    wall_seconds REAL CHECK (wall_seconds >= 0),
    finished_at  TEXT NOT NULL,
    PRIMARY KEY (run_id, epoch)
) WITHOUT ROWID;

-- Final metrics per subset: name in ('accuracy', 'macro_f1', 'uar', 'loss', ...). Parent runs
-- (k-fold, sweep) store the mean over children in value and the standard deviation in std.
CREATE TABLE run_metrics (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    subset TEXT NOT NULL CHECK (subset IN ('train', 'val', 'test')),
    name   TEXT NOT NULL,
    value  REAL NOT NULL,
    std    REAL,
    PRIMARY KEY (run_id, subset, name)
) WITHOUT ROWID;

CREATE TABLE class_metrics (
    run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    subset    TEXT NOT NULL CHECK (subset IN ('train', 'val', 'test')),
    label     TEXT NOT NULL,
    precision REAL NOT NULL,
    recall    REAL NOT NULL,
    f1        REAL NOT NULL,
    support   INTEGER NOT NULL CHECK (support >= 0),
    PRIMARY KEY (run_id, subset, label)
) WITHOUT ROWID;

-- Confusion matrix in long form: one row per (true, predicted) cell, zero cells included.
CREATE TABLE confusion (
    run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    subset          TEXT NOT NULL CHECK (subset IN ('train', 'val', 'test')),
    true_label      TEXT NOT NULL,
    predicted_label TEXT NOT NULL,
    count           INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (run_id, subset, true_label, predicted_label)
) WITHOUT ROWID;

-- Per-clip predictions of a run's evaluation (probabilities: JSON array in class order).
CREATE TABLE run_predictions (
    run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    clip_id         INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
    subset          TEXT NOT NULL CHECK (subset IN ('train', 'val', 'test')),
    predicted_label TEXT NOT NULL,
    probabilities   TEXT NOT NULL CHECK (json_valid(probabilities)),
    PRIMARY KEY (run_id, clip_id)
) WITHOUT ROWID;

-- A saved set of model weights: 'best' (restored at the end), 'last' (for --resume).
-- state: JSON with what resuming needs besides tensors (epoch, RNG state, schedule, ...).
CREATE TABLE checkpoints (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('best', 'last')),
    epoch      INTEGER NOT NULL CHECK (epoch >= 0),
    classes    TEXT NOT NULL CHECK (json_valid(classes)),   -- JSON array: output index -> label
    state      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(state)),
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),   -- over all tensor data in ordinal order
    created_at TEXT NOT NULL,
    UNIQUE (run_id, kind)
);

-- The tensors of a checkpoint: weights ('lstm.0.kernel', ...) and optimizer moments
-- ('adam.m.lstm.0.kernel', ...). shape: JSON array of ints; data: '<f4', row-major.
CREATE TABLE checkpoint_tensors (
    checkpoint_id INTEGER NOT NULL REFERENCES checkpoints(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL CHECK (ordinal >= 0),
    name          TEXT NOT NULL,
    shape         TEXT NOT NULL CHECK (json_valid(shape)),
    data          BLOB NOT NULL,
    PRIMARY KEY (checkpoint_id, name),
    UNIQUE (checkpoint_id, ordinal)
);

-- ---------------------------------------------------------------------------------------
-- Using models
-- ---------------------------------------------------------------------------------------

-- Every exported model file, so `ser which PATH` can trace a file back to its run.
CREATE TABLE exports (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    format     TEXT NOT NULL CHECK (format IN ('onnx', 'safetensors', 'json')),
    path       TEXT NOT NULL,
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size >= 0),
    created_at TEXT NOT NULL
);
CREATE INDEX exports_by_hash ON exports(sha256);

-- Predictions recorded by `ser predict --record`.
CREATE TABLE predictions (
    id              INTEGER PRIMARY KEY,
    run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path            TEXT NOT NULL,
    content_hash    TEXT NOT NULL CHECK (length(content_hash) = 64),
    predicted_label TEXT NOT NULL,
    probabilities   TEXT NOT NULL CHECK (json_valid(probabilities)),  -- {label: p}
    created_at      TEXT NOT NULL
);

-- ---------------------------------------------------------------------------------------
-- Views a person would query
-- ---------------------------------------------------------------------------------------

-- Clip counts per dataset version and label.
CREATE VIEW dataset_summary AS
SELECT d.name AS dataset,
       v.id AS version_id,
       substr(v.hash, 1, 12) AS version,
       v.created_at,
       c.label,
       count(*) AS clips,
       count(DISTINCT c.speaker) AS speakers,
       round(sum(c.duration), 1) AS seconds
FROM dataset_versions v
JOIN datasets d ON d.id = v.dataset_id
JOIN dataset_version_clips vc ON vc.version_id = v.id
JOIN clips c ON c.id = vc.clip_id
GROUP BY v.id, c.label;

-- One row per run: its state (with dead processes detected), best epoch and test metrics.
CREATE VIEW run_summary AS
SELECT r.id,
       r.name,
       r.kind,
       r.parent_id,
       CASE WHEN r.status = 'running'
                 AND (r.heartbeat_at IS NULL
                      OR julianday('now') - julianday(r.heartbeat_at) > 60.0 / 86400.0)
            THEN 'dead' ELSE r.status END AS status,
       d.name AS dataset,
       substr(v.hash, 1, 12) AS dataset_version,
       r.split,
       r.seed,
       r.best_epoch,
       (SELECT e.val_acc FROM epochs e WHERE e.run_id = r.id AND e.epoch = r.best_epoch) AS best_val_acc,
       (SELECT e.val_f1 FROM epochs e WHERE e.run_id = r.id AND e.epoch = r.best_epoch) AS best_val_f1,
       (SELECT max(e.epoch) FROM epochs e WHERE e.run_id = r.id) AS epochs_done,
       (SELECT m.value FROM run_metrics m WHERE m.run_id = r.id AND m.subset = 'test' AND m.name = 'accuracy') AS test_acc,
       (SELECT m.value FROM run_metrics m WHERE m.run_id = r.id AND m.subset = 'test' AND m.name = 'macro_f1') AS test_f1,
       (SELECT m.value FROM run_metrics m WHERE m.run_id = r.id AND m.subset = 'test' AND m.name = 'uar') AS test_uar,
       round((julianday(coalesce(r.finished_at, r.heartbeat_at)) - julianday(r.started_at)) * 86400.0, 1) AS duration_seconds,
       (SELECT group_concat(t.tag, ',') FROM run_tags t WHERE t.run_id = r.id) AS tags,
       r.created_at
FROM runs r
LEFT JOIN dataset_versions v ON v.id = r.dataset_version_id
LEFT JOIN datasets d ON d.id = v.dataset_id;
