-- ser schema, version 4: a trash for runs (#18).
--
-- `ser rm` moves a run and its children to the trash by setting runs.deleted_at (ISO-8601
-- UTC); `ser restore` clears it; `ser gc` deletes trashed runs for good. A trashed run is
-- invisible to run_summary (so to `ser runs`, `compare`, `show`, parents' aggregates and
-- every reference) until restored; its rows, checkpoints included, are kept until `ser gc`.
ALTER TABLE runs ADD COLUMN deleted_at TEXT;
CREATE INDEX runs_by_deleted ON runs(deleted_at) WHERE deleted_at IS NOT NULL;

DROP VIEW run_summary;
-- run_summary as in version 1, without trashed runs.
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
LEFT JOIN datasets d ON d.id = v.dataset_id
WHERE r.deleted_at IS NULL;
