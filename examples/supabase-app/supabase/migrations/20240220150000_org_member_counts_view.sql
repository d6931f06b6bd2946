-- Member counts per organization, used on the public "teams" landing page.

create or replace view public.org_member_counts as
select
  o.id as organization_id,
  o.name,
  o.slug,
  count(m.id) as member_count,
  count(m.id) filter (where m.role in ('owner', 'admin')) as admin_count
from public.organizations o
left join public.memberships m on m.organization_id = o.id
group by o.id, o.name, o.slug;

grant usage on schema public to anon, authenticated;
grant select on public.org_member_counts to anon, authenticated;
grant select on public.profiles to anon;
grant select, insert, update on public.profiles to authenticated;
grant select, insert, update, delete on public.memberships to authenticated;
