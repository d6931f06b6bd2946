CREATE EXTENSION citext;
ALTER TABLE t ALTER COLUMN c TYPE citext;
CREATE TABLE emails (id int PRIMARY KEY, address citext, CHECK (address <> ''));
