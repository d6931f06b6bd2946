-- 013_vector_store_archive.sql
-- We are moving off the OpenAI vector store. Archive what is in there before deleting,
-- and keep a log of every deletion for the audit.

create table if not exists vector_store_archive (
  id uuid primary key default gen_random_uuid(),
  vector_store_id varchar(255) not null,
  file_id varchar(255) not null,
  filename varchar(500),
  content text,
  assistant varchar(50),
  archived_at timestamptz default now()
);

create table if not exists vector_store_deletion_log (
  id uuid primary key default gen_random_uuid(),
  vector_store_id varchar(255) not null,
  file_id varchar(255) not null,
  archive_id uuid references vector_store_archive(id),
  deleted_by uuid references users(id),
  reason text,
  deleted_at timestamptz default now()
);

create table if not exists knowledge_audit_log (
  id uuid primary key default gen_random_uuid(),
  action varchar(50) not null,          -- 'add' | 'update' | 'remove'
  category varchar(50),
  key text,
  previous_value text,
  new_value text,
  user_id uuid references users(id),
  metadata jsonb default '{}'::jsonb,
  created_at timestamptz default now()
);

create index if not exists idx_vector_store_archive_file on vector_store_archive(file_id);
create index if not exists idx_vector_store_deletion_log_archive on vector_store_deletion_log(archive_id);
create index if not exists idx_vector_store_deletion_log_deleted_by on vector_store_deletion_log(deleted_by);
create index if not exists idx_knowledge_audit_log_created on knowledge_audit_log(created_at desc);
create index if not exists idx_knowledge_audit_log_user on knowledge_audit_log(user_id);

-- keep the old log around until finance signs off on the Q3 numbers
-- TODO(dana): drop after 2024-10-01
create table if not exists sop_update_log_old (
  id uuid primary key,
  document_path varchar(500) not null,
  original_content text,
  updated_content text,
  created_at timestamptz
);
