CREATE EXTENSION citext;
ALTER TABLE t ALTER COLUMN c TYPE citext;
CREATE TABLE emails (id int PRIMARY KEY, address citext, CHECK (address <> ''));
DO $$ BEGIN CREATE TABLE later (id int PRIMARY KEY); END $$;
