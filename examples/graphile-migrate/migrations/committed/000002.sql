--! Previous: sha1:612b606b278a7078cc82c47b5eca8ca6254d9f11
--! Hash: sha1:2aa66f75edd5456826776f00739896805eeffeb7

create table app_public.posts (
  id serial primary key,
  author_id int not null references app_public.users,
  body text not null
);
grant select, insert on app_public.posts to :DATABASE_VISITOR;
