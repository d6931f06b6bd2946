-- V2__accounts.sql
-- Real accounts instead of free-text booked_by (migrated by the app on first login).

create table accounts (
    id           uuid primary key default gen_random_uuid(),
    email        text not null unique,
    display_name text not null,
    department   text,
    created_at   timestamptz not null default now()
);

alter table bookings add column account_id uuid references accounts (id) on delete set null;
create index bookings_account_id_idx on bookings (account_id);
