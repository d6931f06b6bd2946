alter table devices drop column if exists os_version;
alter table devices drop column if exists last_seen_at;
