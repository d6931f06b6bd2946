/**
 * What a database already holds before the first migration runs. `supabase` stands in for a
 * Supabase project: its schemas, roles, `auth.users`, the `auth.*()` helpers policies call,
 * the storage tables policies and bucket inserts name, the realtime publication, Realtime's
 * `realtime.messages` (broadcast authorization policies) and the `realtime.send`,
 * `realtime.broadcast_changes` and `realtime.topic` functions (from supabase/realtime's tenant
 * migrations, as they stand after the last one), and the
 * extensions every project has, installed in the `extensions` schema and on the search path.
 * Both databases verify compares start from the same preset, so it never shows as a
 * difference.
 */
import { platformObjects, type Preset } from '../presets.js';

export interface PresetDatabase {
  /** Extensions the preset installs itself (PGlite must load them). */
  extensions: string[];
  /** The search path each migration file starts with. */
  searchPath: string;
  sql: string;
}

const SUPABASE_SQL = `
create schema if not exists extensions;
create schema if not exists auth;
create schema if not exists storage;
create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pgcrypto with schema extensions;

create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator noinherit login;
create role supabase_admin;
create role supabase_auth_admin noinherit login;
create role supabase_storage_admin noinherit login;
create role dashboard_user;
grant anon, authenticated, service_role to authenticator;
grant usage on schema extensions, auth, storage to anon, authenticated, service_role;
${platformPrivileges()}

create table auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0,
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);

create function auth.uid() returns uuid language sql stable as $$
  select nullif(coalesce(current_setting('request.jwt.claim.sub', true), current_setting('request.jwt.claims', true)::jsonb ->> 'sub'), '')::uuid
$$;
create function auth.role() returns text language sql stable as $$
  select nullif(coalesce(current_setting('request.jwt.claim.role', true), current_setting('request.jwt.claims', true)::jsonb ->> 'role'), '')::text
$$;
create function auth.email() returns text language sql stable as $$
  select nullif(coalesce(current_setting('request.jwt.claim.email', true), current_setting('request.jwt.claims', true)::jsonb ->> 'email'), '')::text
$$;
create function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim', true), ''), nullif(current_setting('request.jwt.claims', true), ''))::jsonb
$$;

create table storage.buckets (
  id text not null primary key,
  name text not null unique,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text
);
create table storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  owner_id text,
  user_metadata jsonb
);
alter table storage.objects enable row level security;
create function storage.foldername(name text) returns text[] language sql immutable as $$
  select (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1]
$$;
create function storage.filename(name text) returns text language sql immutable as $$
  select (string_to_array(name, '/'))[array_length(string_to_array(name, '/'), 1)]
$$;
create function storage.extension(name text) returns text language sql immutable as $$
  select reverse(split_part(reverse(name), '.', 1))
$$;

create publication supabase_realtime;

create role supabase_realtime_admin noinherit nologin noreplication;
create schema if not exists realtime;
grant usage on schema realtime to postgres, anon, authenticated, service_role;
create table realtime.messages (
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now(),
  id uuid not null default gen_random_uuid(),
  binary_payload bytea,
  primary key (id, inserted_at)
) partition by range (inserted_at);
alter table realtime.messages add constraint messages_payload_exclusive check (payload is null or binary_payload is null) not valid;
alter table realtime.messages enable row level security;
create function realtime.topic() returns text language sql stable as $$
  select nullif(current_setting('realtime.topic', true), '')::text;
$$;
create function realtime.send(payload jsonb, event text, topic text, private boolean default true) returns void language plpgsql as $$
begin
  begin
    execute format('SET LOCAL realtime.topic TO %L', topic);
    insert into realtime.messages (payload, event, topic, private, extension) values (payload, event, topic, private, 'broadcast');
  exception when others then
    raise warning 'ErrorSendingBroadcastMessage: %', SQLERRM;
  end;
end;
$$;
create function realtime.broadcast_changes(topic_name text, event_name text, operation text, table_name text, table_schema text, new record, old record, level text default 'ROW') returns void language plpgsql as $$
declare
  row_data jsonb := '{}'::jsonb;
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  if operation = 'INSERT' or operation = 'UPDATE' or operation = 'DELETE' then
    row_data := jsonb_build_object('old_record', old, 'record', new, 'operation', operation, 'table', table_name, 'schema', table_schema);
    perform realtime.send(row_data, event_name, topic_name);
  else
    raise exception 'Unexpected operation type: %', operation;
  end if;
end;
$$;
grant select on all tables in schema realtime to postgres, anon, authenticated, service_role;
grant execute on all functions in schema realtime to postgres, anon, authenticated, service_role;
`;

/** The platform's grants on its user schemas and default privileges there (presets.ts lists them). */
function platformPrivileges(): string {
  const { schemas, grantees } = platformObjects('supabase').privileges;
  const to = grantees.join(', ');
  return schemas
    .flatMap((schema) => [
      `grant usage on schema ${schema} to ${to};`,
      ...['tables', 'functions', 'sequences'].map((kind) => `alter default privileges in schema ${schema} grant all on ${kind} to ${to};`),
    ])
    .join('\n');
}

export const PRESET_DATABASES: Record<Preset, PresetDatabase> = {
  none: { extensions: [], searchPath: '"$user", public', sql: '' },
  supabase: { extensions: [...platformObjects('supabase').extensions], searchPath: '"$user", public, extensions', sql: SUPABASE_SQL },
};
