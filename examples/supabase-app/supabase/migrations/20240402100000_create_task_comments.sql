-- Comments on tasks. Realtime is enabled for this table in the dashboard.

create table public.task_comments (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references public.tasks (id) on delete cascade,
  author_id uuid not null references auth.users (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 10000),
  edited_at timestamptz,
  created_at timestamptz not null default now()
);

create index task_comments_task_id_created_at_idx on public.task_comments (task_id, created_at);
create index task_comments_author_id_idx on public.task_comments (author_id);

alter table public.task_comments enable row level security;

-- so re-running the migration locally doesn't fail
create policy if not exists "Members can read task comments"
  on public.task_comments for select to authenticated
  using ( exists (
    select 1 from public.tasks t
    join public.projects p on p.id = t.project_id
    where t.id = task_comments.task_id and public.is_org_member(p.organization_id)
  ) );

create policy "Authors can write their comments"
  on public.task_comments for insert to authenticated
  with check ( author_id = (select auth.uid()) );

create policy "Authors can edit their comments"
  on public.task_comments for update to authenticated
  using ( author_id = (select auth.uid()) );

grant select, insert, update on public.task_comments to authenticated;
