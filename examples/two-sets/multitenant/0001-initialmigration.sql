CREATE TABLE IF NOT EXISTS tenants (
    id text PRIMARY KEY,
    database_url text NOT NULL
);
