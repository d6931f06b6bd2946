-- fix projects
alter table public.projects add column slug text not null;
alter table public.projects add constraint projects_org_slug_key unique (organization_id, slug);

-- members could not see their org-mates in the member list
create policy "Members can view memberships of their orgs"
  on public.memberships for select to authenticated
  using ( public.is_org_member(organization_id) );
