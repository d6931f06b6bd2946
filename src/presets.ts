/**
 * Platform presets: objects a hosting platform creates before the first migration runs, so that
 * rules neither call them missing nor lint them as if the project owned them.
 */
import type { Layout } from './discover/index.js';
import { ALL_RUNNER_TABLES, type RunnerTable } from './discover/runner-tables.js';
import { supabaseUsage } from './supabase-usage.js';

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

export interface PresetChoice {
  preset: Preset;
  /** Why: given, the layout, or what the migrations use. */
  reason: string;
}

/**
 * The configured preset, or the one the folder implies: Supabase's layout, or migrations of
 * any layout that use Supabase's auth, storage or API roles (a Supabase folder copied
 * elsewhere, kept as db/migrations, or numbered 001_x.sql).
 */
export function detectPreset(layout: Layout, configured: Preset | undefined, sources: (string | null)[]): PresetChoice {
  if (configured) return { preset: configured, reason: 'given' };
  if (layout === 'supabase') return { preset: 'supabase', reason: 'the supabase layout' };
  const usage = supabaseUsage(sources);
  if (usage) {
    return { preset: 'supabase', reason: `${usage.files} of ${sources.length} files use Supabase's ${usage.uses.join(', ')}` };
  }
  return { preset: 'none', reason: "no file uses Supabase's auth, storage or roles" };
}

export function platformObjects(preset: Preset): PlatformObjects {
  return preset === 'supabase' ? SUPABASE : NOTHING;
}

/** True for a relation the platform provides (`auth.users`, anything in `storage`). */
export function isPlatformRelation(preset: Preset, key: string): boolean {
  const objects = platformObjects(preset);
  return objects.tables.has(key) || objects.schemas.has(key.split('.')[0] ?? '');
}

/** Every runner's tables, and Flyway's before version 5, which databases migrated since then still have. */
const RUNNER_TABLES: readonly RunnerTable[] = [...ALL_RUNNER_TABLES, { schema: 'public', name: 'schema_version' }];

/**
 * True for a table a migration runner creates for itself (a trigger on `__diesel_schema_migrations`,
 * say; see discover/runner-tables.ts). `schema` null: the name was not qualified, and a runner
 * table in `public` is meant.
 */
export function isRunnerTable(name: string, schema: string | null = null): boolean {
  return RUNNER_TABLES.some((table) => table.name === name && (schema ?? 'public') === table.schema);
}

/** True for a role every PostgreSQL installation has: the bootstrap superuser and the predefined pg_* roles. */
export function isBuiltinRole(name: string): boolean {
  return name === 'postgres' || name.startsWith('pg_');
}

/** True for a role the platform creates (Supabase's anon, authenticated, service_role, ...). */
export function isPlatformRole(preset: Preset, name: string): boolean {
  return platformObjects(preset).roles.has(name);
}
