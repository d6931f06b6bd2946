-- Organizations (tenants) and memberships.
-- Every user can belong to many orgs; role decides what they can do.

create type public.member_role as enum ('owner', 'admin', 'member');

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug text not null unique,
  logo_url text,
  settings jsonb not null default '{}'::jsonb,
  created_by uuid not null references auth.users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.member_role not null default 'member',
  created_at timestamptz not null default now(),
  unique (organization_id, user_id)
);

create index memberships_user_id_idx on public.memberships (user_id);
create index organizations_created_by_idx on public.organizations (created_by);

-- Helper used by policies; security definer so the membership lookup does not
-- recurse through memberships' own RLS.
create or replace function public.is_org_member(org uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.organization_id = org and m.user_id = (select auth.uid())
  );
$$;

alter table public.organizations enable row level security;
alter table public.memberships enable row level security;

create policy "Members can view their organizations"
  on public.organizations for select to authenticated
  using ( public.is_org_member(id) );

create policy "Authenticated users can create organizations"
  on public.organizations for insert to authenticated
  with check ( created_by = (select auth.uid()) );

create policy "Users can view their own memberships"
  on public.memberships for select to authenticated
  using ( user_id = (select auth.uid()) );

create trigger organizations_set_updated_at
  before update on public.organizations
  for each row execute function public.set_updated_at();
