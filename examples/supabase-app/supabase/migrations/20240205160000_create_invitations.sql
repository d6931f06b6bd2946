-- Email invitations to join an organization.
-- Flow: admin creates invitation -> email with token -> invitee accepts -> membership row.

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  email text not null,
  role public.member_role not null default 'member',
  token text not null unique default encode(gen_random_bytes(24), 'hex'),
  invited_by uuid not null references auth.users (id),
  accepted_at timestamptz,
  expires_at timestamptz not null default now() + interval '7 days',
  created_at timestamptz not null default now()
);

create index invitations_organization_id_idx on public.invitations (organization_id);
create index invitations_email_idx on public.invitations (lower(email));

alter table public.invitations enable row level security;

-- Admins see every invitation of their org ...
create policy "Org admins can view invitations"
  on public.invitations for select to authenticated
  using ( exists (
    select 1 from public.memberships m
    where m.organization_id = invitations.organization_id
      and m.user_id = auth.uid()
      and m.role in ('owner', 'admin')
  ) );

-- ... and the invitee sees their own (matched on the JWT email claim).
create policy "Invitees can view their invitations"
  on public.invitations for select to authenticated
  using ( email = (auth.jwt() ->> 'email') );

create policy "Org admins can create invitations"
  on public.invitations for insert to authenticated
  with check ( invited_by = (select auth.uid()) and public.is_org_member(organization_id) );

-- accepting an invitation sets accepted_at; token is checked in the accept_invitation RPC
create policy "Anyone can accept an invitation"
  on public.invitations for update to authenticated
  using (true);
