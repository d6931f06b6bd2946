--! Previous: sha1:2aa66f75edd5456826776f00739896805eeffeb7
--! Hash: sha1:a98d2292914ffe6122fc9ef26ad0eaa205945dd3
--! Message: post titles

alter table app_public.posts add column title text not null default 'untitled';
