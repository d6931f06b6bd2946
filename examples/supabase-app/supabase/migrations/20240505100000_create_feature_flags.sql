-- Feature flags are read by the edge functions with the service role key.
-- RLS is on so that the anon key cannot read them; nobody wrote a policy yet.

create table public.feature_flags (
  key text primary key,
  enabled boolean not null default false,
  rollout_percent integer not null default 0 check (rollout_percent between 0 and 100),
  updated_at timestamptz not null default now()
);

alter table public.feature_flags enable row level security;
