CREATE TABLE IF NOT EXISTS buckets (
    id text PRIMARY KEY,
    name text NOT NULL
);
