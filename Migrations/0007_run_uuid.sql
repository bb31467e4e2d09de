-- ser schema, version 7: global run identity and named remotes (#21).
--
-- runs.uuid names a run across databases: `ser push` and `ser pull` key runs by it, so a run
-- keeps its identity when it is copied into a database that has its own run 7. Runs stored
-- before this version get a random version-4 UUID (lowercase, 8-4-4-4-12 hex digits); new
-- runs get one from `Store.createRun`, and the trigger gives one to any row inserted without.
ALTER TABLE runs ADD COLUMN uuid TEXT;

UPDATE runs SET uuid = lower(
    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
    || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));

CREATE UNIQUE INDEX runs_by_uuid ON runs(uuid);

CREATE TRIGGER runs_uuid_default AFTER INSERT ON runs WHEN NEW.uuid IS NULL
BEGIN
    UPDATE runs SET uuid = lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
        || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
    WHERE id = NEW.id;
END;

-- A named PostgreSQL remote (`ser remote add NAME URL`). url never holds a password: the
-- client reads it from PGPASSWORD or ~/.pgpass when it connects.
CREATE TABLE remotes (
    name       TEXT PRIMARY KEY NOT NULL CHECK (length(name) > 0),
    url        TEXT NOT NULL CHECK (url LIKE 'postgres://%' OR url LIKE 'postgresql://%'),
    created_at TEXT NOT NULL
);
