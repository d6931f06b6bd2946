-- RPC called from the /invite/[token] page.
-- Runs as owner so it can insert the membership row the invitee cannot insert yet.

create or replace function public.accept_invitation(invite_token text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  inv public.invitations%rowtype;
begin
  select * into inv
  from public.invitations
  where token = invite_token
    and accepted_at is null
    and expires_at > now();

  if not found then
    raise exception 'invitation not found or expired';
  end if;

  insert into public.memberships (organization_id, user_id, role)
  values (inv.organization_id, (select auth.uid()), inv.role)
  on conflict (organization_id, user_id) do nothing;

  update public.invitations set accepted_at = now() where id = inv.id;

  return inv.organization_id;
end;
$$;

revoke execute on function public.accept_invitation(text) from public, anon;
grant execute on function public.accept_invitation(text) to authenticated;
