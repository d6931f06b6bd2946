/**
 * Platform presets: objects a hosting platform creates before the first migration runs, so that
 * rules neither call them missing nor lint them as if the project owned them.
 */
import type { Layout } from './discover/index.js';

export const PRESETS = ['supabase', 'none'] as const;
export type Preset = (typeof PRESETS)[number];

export interface PlatformObjects {
  /** Schemas the platform owns: every table, view and function in them is the platform's. */
  schemas: ReadonlySet<string>;
  /** Well-known platform tables, by qualified key (also covered by `schemas`). */
  tables: ReadonlySet<string>;
  /** Functions policies call whose value is the same for the whole statement (`auth.uid`), by qualified name. */
  sessionFunctions: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  /** Publications the platform creates (Supabase's `supabase_realtime`). */
  publications: ReadonlySet<string>;
  /** Extensions the platform installs before the first migration (verify's preset database installs them too). */
  extensions: ReadonlySet<string>;
  /**
   * What the platform grants before the first migration: ALL on every table, function and
   * sequence later created in these schemas (ALTER DEFAULT PRIVILEGES), and USAGE on them.
   * verify's preset database is built from the same list.
   */
  privileges: { schemas: readonly string[]; grantees: readonly string[] };
}

const NOTHING: PlatformObjects = {
  schemas: new Set(),
  tables: new Set(),
  sessionFunctions: new Set(),
  roles: new Set(),
  publications: new Set(),
  extensions: new Set(),
  privileges: { schemas: [], grantees: [] },
};

const SUPABASE: PlatformObjects = {
  schemas: new Set([
    'auth',
    'storage',
    'extensions',
    'realtime',
    'graphql',
    'graphql_public',
    'vault',
    'pgsodium',
    'pgsodium_masks',
    'net',
    'cron',
    'pgbouncer',
    'supabase_functions',
    'supabase_migrations',
  ]),
  tables: new Set([
    'auth.users',
    'auth.identities',
    'auth.sessions',
    'auth.refresh_tokens',
    'auth.mfa_factors',
    'auth.audit_log_entries',
    'storage.buckets',
    'storage.objects',
    'realtime.messages',
    'vault.secrets',
  ]),
  sessionFunctions: new Set(['auth.uid', 'auth.jwt', 'auth.role', 'auth.email']),
  publications: new Set(['supabase_realtime']),
  extensions: new Set(['uuid-ossp', 'pgcrypto']),
  privileges: { schemas: ['public'], grantees: ['anon', 'authenticated', 'service_role'] },
  roles: new Set([
    'anon',
    'authenticated',
    'service_role',
    'authenticator',
    'postgres',
    'supabase_admin',
    'supabase_auth_admin',
    'supabase_storage_admin',
    'supabase_realtime_admin',
    'dashboard_user',
    'pgbouncer',
  ]),
};

/** What only a Supabase project's migrations use: its auth functions, tables and storage. */
const SUPABASE_MARKERS = /\bauth\s*\.\s*(uid|jwt|role)\s*\(|\bauth\s*\.\s*users\b|\bstorage\s*\.\s*(objects|buckets)\b/i;

/**
 * The configured preset, or the one the folder implies: Supabase's CLI layout, or timestamped
 * migrations (a Supabase folder copied elsewhere) that use `auth.uid()`, `auth.users` or storage.
 */
export function resolvePreset(layout: Layout, configured: Preset | undefined, sources: (string | null)[]): Preset {
  if (configured) return configured;
  if (layout === 'supabase') return 'supabase';
  if (layout === 'timestamp' && sources.some((source) => source !== null && SUPABASE_MARKERS.test(source))) return 'supabase';
  return 'none';
}

export function platformObjects(preset: Preset): PlatformObjects {
  return preset === 'supabase' ? SUPABASE : NOTHING;
}

/** True for a relation the platform provides (`auth.users`, anything in `storage`). */
export function isPlatformRelation(preset: Preset, key: string): boolean {
  const objects = platformObjects(preset);
  return objects.tables.has(key) || objects.schemas.has(key.split('.')[0] ?? '');
}

/** Bookkeeping tables migration runners create for themselves. */
const RUNNER_TABLES = new Set(['__diesel_schema_migrations', 'schema_migrations', 'goose_db_version', 'flyway_schema_history', 'schema_version']);

/** True for a table the migration runner owns (a trigger on `__diesel_schema_migrations`, say). */
export function isRunnerTable(name: string): boolean {
  return RUNNER_TABLES.has(name);
}

/** True for a role every PostgreSQL installation has: the bootstrap superuser and the predefined pg_* roles. */
export function isBuiltinRole(name: string): boolean {
  return name === 'postgres' || name.startsWith('pg_');
}

/** True for a role the platform creates (Supabase's anon, authenticated, service_role, ...). */
export function isPlatformRole(preset: Preset, name: string): boolean {
  return platformObjects(preset).roles.has(name);
}
