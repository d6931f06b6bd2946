-- In-app notifications (bell icon). Rows are inserted by database triggers and
-- edge functions; users can only read and mark their own as read.

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  organization_id uuid references public.organizations (id) on delete cascade,
  kind text not null,
  title text not null,
  body text,
  link text,
  data jsonb not null default '{}'::jsonb,
  read_at timestamptz,
  created_at timestamptz not null default now()
);

create index notifications_user_id_unread_idx
  on public.notifications (user_id, created_at desc)
  where read_at is null;
create index notifications_organization_id_idx on public.notifications (organization_id);

alter table public.notifications enable row level security;

create policy "Users can read their notifications"
  on public.notifications for select to authenticated
  using ( user_id = (select auth.uid()) );

create policy "Users can mark their notifications read"
  on public.notifications for update to authenticated
  using ( user_id = (select auth.uid()) )
  with check ( user_id = (select auth.uid()) );
