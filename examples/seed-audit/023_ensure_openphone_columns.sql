-- 023_ensure_openphone_columns.sql
-- Belt and braces: make sure EVERY column the webhook + dashboard use exists.
-- Safe to run multiple times.

alter table openphone_conversations add column if not exists conversation_id varchar(255);
alter table openphone_conversations add column if not exists phone_number varchar(50);
alter table openphone_conversations add column if not exists customer_name varchar(255);
alter table openphone_conversations add column if not exists employee_name varchar(255);
alter table openphone_conversations add column if not exists messages jsonb default '[]'::jsonb;
alter table openphone_conversations add column if not exists metadata jsonb default '{}'::jsonb;
alter table openphone_conversations add column if not exists processed boolean default false;
alter table openphone_conversations add column if not exists unread_count bigint default 0;
alter table openphone_conversations add column if not exists updated_at timestamptz default now();
alter table openphone_conversations add column if not exists assistant_type varchar(50);

create index if not exists idx_openphone_assistant_type on openphone_conversations(assistant_type);
