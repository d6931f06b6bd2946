-- Langue préférée de l'utilisateur (demandé par l'équipe de Montréal, ticket #412).
-- Thêm cột ngôn ngữ và múi giờ cho hồ sơ người dùng (nhóm Hà Nội yêu cầu).
-- 🚀 Ships with the i18n release. Valeurs acceptées : 'en', 'fr', 'vi'.

do $$
begin
  if not exists (
    select 1
    from information_schema.columns
    where table_schema = 'public'
      and table_name = 'profiles'
      and column_name = 'locale'
  ) then
    alter table public.profiles add column locale text not null default 'en';
  end if;
end $$;

-- Múi giờ: dùng tên IANA, ví dụ 'Asia/Ho_Chi_Minh' — pas d'abréviations (« EST »).
alter table public.profiles add column if not exists timezone text not null default 'UTC';

alter table public.profiles
  add constraint profiles_locale_check check (locale in ('en', 'fr', 'vi'));

-- Index utilisé par la page « Équipe » 👥 pour filtrer par langue.
create index profiles_locale_idx on public.profiles (locale);
