-- Storage bucket for profile avatars.
-- Files are stored as avatars/<user id>/<file name>.

insert into storage.buckets (id, name, public)
values ('avatars', 'avatars', true)
on conflict (id) do nothing;

create policy "Avatar images are publicly accessible."
  on storage.objects for select
  using ( bucket_id = 'avatars' );

create policy "Users can upload their own avatar."
  on storage.objects for insert to authenticated
  with check (
    bucket_id = 'avatars'
    and (storage.foldername(name))[1] = auth.uid()::text
  );

create policy "Users can update their own avatar."
  on storage.objects for update to authenticated
  using ( auth.uid() = owner )
  with check ( bucket_id = 'avatars' );

create policy "Users can delete their own avatar."
  on storage.objects for delete to authenticated
  using ( bucket_id = 'avatars' and auth.uid() = owner );
