-- API keys: we only store a SHA-256 of the key; the prefix is shown in the UI.
create table api_keys (
    id           uuid primary key default gen_random_uuid(),
    team_id      uuid not null references teams (id) on delete cascade,
    created_by   uuid references users (id) on delete set null,
    name         text not null,
    prefix       text not null,
    key_hash     bytea not null unique,
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz not null default now()
);

create index api_keys_team_id_idx on api_keys (team_id);
create index api_keys_created_by_idx on api_keys (created_by);
