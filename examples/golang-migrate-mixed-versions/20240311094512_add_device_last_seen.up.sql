-- Created with `migrate create -ext sql -dir db/migrations add_device_last_seen`
-- (forgot -seq, so this one got a timestamp version instead of 000003).
alter table devices add column last_seen_at timestamptz;
alter table devices add column os_version text;
