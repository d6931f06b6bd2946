CREATE TABLE t (id int PRIMARY KEY, c text);
ALTER TABLE t ADD CONSTRAINT t_c CHECK (nope > 0);
ALTER TABLE t ADD COLUMN n int, ADD CONSTRAINT t_n CHECK (n > 0);
CREATE FUNCTION f(a int DEFAULT 1, b int) RETURNS int LANGUAGE sql AS $$ select 1 $$;
CREATE TABLE o (id int PRIMARY KEY, x int REFERENCES later (id));
CREATE TABLE u (id int, UNIQUE (missing));
CREATE TABLE k (id int, FOREIGN KEY (other_id) REFERENCES t (id));
ALTER TABLE t ALTER COLUMN c TYPE citext;
