-- Edited after it was applied and recorded in miglint.sum: databases that ran the first version never get this column.
ALTER TABLE accounts ADD COLUMN display_name text;
ALTER TABLE accounts ADD COLUMN locale text;
