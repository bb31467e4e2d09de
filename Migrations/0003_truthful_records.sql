-- ser schema, version 3: records that say what happened (#16).
--
-- runs.best_epoch now always means what SCHEMA.md says: the epoch with the best monitored
-- value (monitor: val_loss lowest, val_acc / val_f1 highest; the training loss or accuracy
-- when a run has no validation clips; the first such epoch on ties). Before this version a
-- run trained with `--select last` (the default) stored its *last* epoch there.
-- runs.selected_epoch is the epoch whose weights were evaluated on validation and test: the
-- best epoch with `--select best`, the last epoch with `--select last`.
ALTER TABLE runs ADD COLUMN selected_epoch INTEGER CHECK (selected_epoch >= 1);

-- For a sweep: the trial chosen by validation score, whose test metrics the sweep reports
-- (a sweep's trials are alternatives, not folds: their mean would describe no model).
ALTER TABLE runs ADD COLUMN selected_run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL;

UPDATE runs SET selected_epoch = best_epoch WHERE best_epoch IS NOT NULL;

-- One statement per monitor (SQLite allows no outer column in a subquery's ORDER BY).
UPDATE runs
SET best_epoch = (SELECT e.epoch FROM epochs e WHERE e.run_id = runs.id ORDER BY coalesce(e.val_loss, e.train_loss), e.epoch LIMIT 1)
WHERE best_epoch IS NOT NULL
  AND coalesce(json_extract(config, '$.select'), 'last') = 'last'
  AND coalesce(json_extract(config, '$.monitor'), 'val_loss') = 'val_loss'
  AND EXISTS (SELECT 1 FROM epochs e WHERE e.run_id = runs.id);

UPDATE runs
SET best_epoch = (SELECT e.epoch FROM epochs e WHERE e.run_id = runs.id ORDER BY coalesce(e.val_acc, e.train_acc) DESC, e.epoch LIMIT 1)
WHERE best_epoch IS NOT NULL
  AND coalesce(json_extract(config, '$.select'), 'last') = 'last'
  AND json_extract(config, '$.monitor') = 'val_acc'
  AND EXISTS (SELECT 1 FROM epochs e WHERE e.run_id = runs.id);

UPDATE runs
SET best_epoch = (SELECT e.epoch FROM epochs e WHERE e.run_id = runs.id ORDER BY coalesce(e.val_f1, e.train_acc) DESC, e.epoch LIMIT 1)
WHERE best_epoch IS NOT NULL
  AND coalesce(json_extract(config, '$.select'), 'last') = 'last'
  AND json_extract(config, '$.monitor') = 'val_f1'
  AND EXISTS (SELECT 1 FROM epochs e WHERE e.run_id = runs.id);
