-- Speakers enrolled for deployment (`ser enroll NAME CLIPS --run RUN`): the statistics of a few
-- unlabelled recordings of one speaker, kept so that `ser predict --speaker NAME` normalises
-- that speaker as a run trained with per-speaker normalisation (--normalization speaker)
-- normalised its training speakers. One row per feature recipe and frame limit the enrolling
-- run's models use (an ensemble may use several); the same enrolment serves every run with
-- that recipe and frame limit.
CREATE TABLE speaker_enrollments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    config_id   INTEGER NOT NULL REFERENCES feature_configs(id) ON DELETE CASCADE,
    max_frames  INTEGER NOT NULL CHECK (max_frames > 0),   -- each clip cut to this many frames
    dims        INTEGER NOT NULL CHECK (dims > 0),
    mean        BLOB NOT NULL CHECK (length(mean) = dims * 4),   -- float32 [dims], little-endian
    std         BLOB NOT NULL CHECK (length(std) = dims * 4),    -- float32 [dims], population, ≥ 1e-8
    clips       TEXT NOT NULL CHECK (json_valid(clips)),  -- [{"path", "sha256", "frames"}], in the order given
    run_id      INTEGER REFERENCES runs(id) ON DELETE SET NULL,  -- the run it was enrolled for
    created_at  TEXT NOT NULL,
    UNIQUE (name, config_id, max_frames)
);
CREATE INDEX speaker_enrollments_by_name ON speaker_enrollments(name);
