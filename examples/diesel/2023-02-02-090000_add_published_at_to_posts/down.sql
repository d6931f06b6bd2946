-- This file should undo anything in `up.sql`
ALTER TABLE posts DROP COLUMN tags;
ALTER TABLE posts DROP COLUMN published_at;
