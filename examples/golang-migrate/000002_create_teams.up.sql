CREATE TABLE IF NOT EXISTS teams (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL,
    slug       text NOT NULL UNIQUE,
    owner_id   uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    plan       text NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS teams_owner_id_idx ON teams (owner_id);
