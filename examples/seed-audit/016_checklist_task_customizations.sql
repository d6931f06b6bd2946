-- 016_checklist_task_customizations.sql
-- Admins can rename / hide default checklist tasks per location.

create table checklist_task_customizations (
  id uuid primary key default gen_random_uuid(),
  category varchar(50) not null,
  type varchar(50) not null,
  task_id varchar(100) not null,
  custom_label text,
  is_hidden boolean not null default false,
  updated_by uuid,                  -- users.id, kept loose on purpose
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  unique (category, type, task_id)
);

create trigger update_checklist_task_customizations_updated_at
  before update on checklist_task_customizations
  for each row execute function update_updated_at_column();
