-- ser schema, version 6: a typed companion for text hyperparameters (#18).
--
-- hyperparameters.value holds each setting as JSON text: `"relu"` with its quotes, `0.001`,
-- `[128,64]`, `false`. value_num (version 1) holds the numbers; value_text now holds the
-- strings without their quotes, so that `WHERE name = 'activation' AND value_text = 'relu'`
-- needs no json_extract. Booleans, arrays and objects have neither (read `value`).
--
-- value_text is a generated column computed from `value`: it exists for every row already
-- stored and every row written from now on, and cannot disagree with `value`. Indexed like
-- value_num, for the --where language's comparisons of text settings.
ALTER TABLE hyperparameters ADD COLUMN value_text TEXT
    GENERATED ALWAYS AS (CASE json_type(value) WHEN 'text' THEN json_extract(value, '$') END) VIRTUAL;
CREATE INDEX hyperparameters_by_name_text ON hyperparameters(name, value_text);
