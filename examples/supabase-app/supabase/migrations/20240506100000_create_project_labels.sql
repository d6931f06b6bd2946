-- Labels on projects, e.g. "Q3", "client: ACME".

create table public.project_labels (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  label text not null,
  created_at timestamptz not null default now(),
  unique (project_id, label)
);

-- The policy is written, but row level security was never enabled on the table,
-- so PostgreSQL ignores it and every role with a grant sees every label.
create policy "Org members can view project labels"
  on public.project_labels for select to authenticated
  using (exists (
    select 1 from public.projects p
    where p.id = project_labels.project_id
      and public.is_org_member(p.organization_id)
  ));
