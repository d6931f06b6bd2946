--! Previous: -
--! Hash: sha1:612b606b278a7078cc82c47b5eca8ca6254d9f11

create schema app_public;

create table app_public.users (
  id serial primary key,
  username citext not null unique
);
grant select on app_public.users to :DATABASE_VISITOR;
