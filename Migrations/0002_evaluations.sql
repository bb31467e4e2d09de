-- Evaluations of a trained run on a labelled dataset it was not trained on (`ser evaluate`):
-- new speakers, another corpus, a held-back recording session. One row per evaluation; a
-- k-fold parent is evaluated as the ensemble of its fold models (models = number averaged).
-- per_class: JSON array of {label, precision, recall, f1, support};
-- confusion: JSON {"labels": [...], "counts": [[...]]} (rows true, columns predicted);
-- per_speaker: JSON object speaker -> {"clips": n, "accuracy": a}.
CREATE TABLE evaluations (
    id                 INTEGER PRIMARY KEY,
    run_id             INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    dataset_version_id INTEGER NOT NULL REFERENCES dataset_versions(id) ON DELETE RESTRICT,
    models             INTEGER NOT NULL CHECK (models >= 1),
    clips              INTEGER NOT NULL CHECK (clips >= 1),
    skipped_clips      INTEGER NOT NULL DEFAULT 0 CHECK (skipped_clips >= 0),  -- labels the run does not know
    accuracy           REAL NOT NULL CHECK (accuracy BETWEEN 0 AND 1),
    macro_f1           REAL NOT NULL CHECK (macro_f1 BETWEEN 0 AND 1),
    uar                REAL NOT NULL CHECK (uar BETWEEN 0 AND 1),
    per_class          TEXT NOT NULL CHECK (json_valid(per_class)),
    confusion          TEXT NOT NULL CHECK (json_valid(confusion)),
    per_speaker        TEXT NOT NULL CHECK (json_valid(per_speaker)),
    command_line       TEXT NOT NULL,
    created_at         TEXT NOT NULL
);
CREATE INDEX evaluations_by_run ON evaluations(run_id);
