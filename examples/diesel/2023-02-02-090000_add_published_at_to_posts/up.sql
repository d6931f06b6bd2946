-- Your SQL goes here
-- published_at replaces the draft flag for scheduling; draft stays until the
-- admin UI is switched over.
ALTER TABLE posts ADD COLUMN published_at TIMESTAMPTZ;
ALTER TABLE posts ADD COLUMN tags TEXT[] NOT NULL DEFAULT '{}';
