CREATE TABLE IF NOT EXISTS objects (
    id uuid PRIMARY KEY,
    bucket_id text REFERENCES buckets (id),
    name text NOT NULL
);
CREATE INDEX IF NOT EXISTS objects_bucket_id_idx ON objects (bucket_id);
