-- ser schema, version 5: an index for import_rejections lookups (#16 robustness suite).
--
-- Every rejected file is recorded with `DELETE … WHERE dataset_id = ? AND path = ?` first
-- (a file rejected again replaces its old reason), and so is every clip that is imported
-- after an earlier rejection. Without an index each of those statements scanned the whole
-- table: an import of a manifest with 20,000 bad rows was quadratic (1,000 rows 0.9 s,
-- 4,000 rows 7.2 s).
CREATE INDEX import_rejections_by_path ON import_rejections(dataset_id, path);
