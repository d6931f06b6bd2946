-- Enter migration here
alter table app_public.posts add column published_at timestamptz;
