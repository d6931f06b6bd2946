/**
 * A deterministic generator of Supabase-like migration folders for the benchmark: every file
 * creates a few tables with indexes, RLS, policies, a trigger function and grants, and alters
 * tables that earlier files created, about 150 lines each. Same arguments, same bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a small, fast, seedable PRNG; enough for shaping test data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = [
  'profiles', 'workspaces', 'projects', 'tasks', 'comments', 'invoices', 'payments', 'messages',
  'channels', 'documents', 'folders', 'teams', 'members', 'events', 'tickets', 'orders',
  'products', 'reviews', 'notifications', 'sessions', 'subscriptions', 'assets', 'reports', 'tags',
];

const COLUMN_KINDS: { name: string; type: string; extra: (r: () => number) => string }[] = [
  { name: 'title', type: 'text', extra: () => 'not null check (char_length(title) <= 200)' },
  { name: 'description', type: 'text', extra: () => "not null default ''" },
  { name: 'status', type: 'text', extra: () => "not null default 'active' check (status in ('active', 'archived', 'deleted'))" },
  { name: 'amount_cents', type: 'bigint', extra: () => 'not null default 0 check (amount_cents >= 0)' },
  { name: 'position', type: 'integer', extra: () => 'not null default 0' },
  { name: 'is_public', type: 'boolean', extra: () => 'not null default false' },
  { name: 'metadata', type: 'jsonb', extra: () => "not null default '{}'::jsonb" },
  { name: 'starts_at', type: 'timestamptz', extra: () => '' },
  { name: 'score', type: 'numeric(10, 2)', extra: () => '' },
  { name: 'slug', type: 'text', extra: () => 'unique' },
  { name: 'email', type: 'text', extra: () => "check (email ~* '^[^@]+@[^@]+$')" },
  { name: 'embedding_model', type: 'text', extra: (r) => `not null default 'model-${Math.floor(r() * 9)}'` },
  { name: 'priority', type: 'smallint', extra: () => 'not null default 3' },
  { name: 'tags', type: 'text[]', extra: () => "not null default '{}'" },
];

interface Table {
  name: string;
  columns: string[];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Fisher-Yates, so the order does not depend on the engine's sort algorithm. */
function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

function timestamp(index: number): string {
  const date = new Date(Date.UTC(2023, 0, 1) + index * 3_600_000 * 7);
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function createTable(random: () => number, table: Table, owner: Table | null): string[] {
  const kinds = shuffled(random, COLUMN_KINDS).slice(0, 5 + Math.floor(random() * 6));
  const lines = [
    `-- ${table.name}: ${kinds.length} data columns`,
    `create table if not exists public.${table.name} (`,
    '  id uuid primary key default gen_random_uuid(),',
    '  user_id uuid not null references auth.users (id) on delete cascade,',
  ];
  if (owner) lines.push(`  ${owner.name}_id uuid references public.${owner.name} (id) on delete set null,`);
  for (const kind of kinds) {
    const extra = kind.extra(random);
    lines.push(`  ${kind.name} ${kind.type}${extra ? ' ' + extra : ''},`);
    table.columns.push(kind.name);
  }
  lines.push('  created_at timestamptz not null default now(),', '  updated_at timestamptz', ');', '');
  lines.push(`create index if not exists idx_${table.name}_user_id on public.${table.name} (user_id);`);
  if (owner) lines.push(`create index if not exists idx_${table.name}_${owner.name}_id on public.${table.name} (${owner.name}_id);`);
  lines.push(`create index idx_${table.name}_created_at on public.${table.name} using btree (created_at desc);`, '');
  lines.push(
    `alter table public.${table.name} enable row level security;`,
    '',
    `create policy "Users can view their own ${table.name}"`,
    `  on public.${table.name} for select`,
    '  to authenticated',
    '  using ((select auth.uid()) = user_id);',
    '',
    `create policy "Users can insert their own ${table.name}"`,
    `  on public.${table.name} for insert`,
    '  to authenticated',
    '  with check ((select auth.uid()) = user_id);',
    '',
    `create policy "Users can update their own ${table.name}"`,
    `  on public.${table.name} for update`,
    '  to authenticated',
    '  using ((select auth.uid()) = user_id)',
    '  with check ((select auth.uid()) = user_id);',
    '',
    `create or replace function public.${table.name}_touch()`,
    'returns trigger',
    'language plpgsql',
    'security definer',
    "set search_path = ''",
    'as $$',
    'begin',
    '  new.updated_at := now();',
    `  if new.user_id is distinct from old.user_id then`,
    `    raise exception 'user_id of ${table.name} cannot change';`,
    '  end if;',
    '  return new;',
    'end;',
    '$$;',
    '',
    `create trigger ${table.name}_touch`,
    `  before update on public.${table.name}`,
    `  for each row execute function public.${table.name}_touch();`,
    '',
    `comment on table public.${table.name} is 'One row per ${table.name.replace(/_\d+$/, '')} a user owns.';`,
    `grant select, insert, update on public.${table.name} to authenticated;`,
    '',
  );
  return lines;
}

function alterEarlier(random: () => number, table: Table, fileIndex: number): string[] {
  const column = `extra_${fileIndex}_${Math.floor(random() * 1000)}`;
  const lines = [`-- follow-up for ${table.name}`];
  switch (Math.floor(random() * 4)) {
    case 0:
      lines.push(`alter table public.${table.name} add column if not exists ${column} text;`);
      break;
    case 1:
      lines.push(
        `alter table public.${table.name} add column ${column} integer not null default 0;`,
        `create index concurrently if not exists idx_${table.name}_${column} on public.${table.name} (${column});`,
      );
      break;
    case 2:
      lines.push(
        `drop policy if exists "Users can update their own ${table.name}" on public.${table.name};`,
        `create policy "Users can update their own ${table.name}"`,
        `  on public.${table.name} for update`,
        '  to authenticated',
        '  using ((select auth.uid()) = user_id);',
      );
      break;
    default:
      lines.push(
        `alter table public.${table.name} alter column updated_at set default now();`,
        `update public.${table.name} set updated_at = created_at where updated_at is null;`,
      );
  }
  lines.push('');
  return lines;
}

/** The text of migration file number `index` (from 0), given the tables earlier files made. */
function migration(random: () => number, index: number, tables: Table[]): string {
  const lines = [`-- Migration ${index + 1}: generated for the miglint benchmark`, ''];
  while (lines.length < 110) {
    if (tables.length > 0 && random() < 0.25) {
      lines.push(...alterEarlier(random, pick(random, tables), index));
      continue;
    }
    const table: Table = { name: `${pick(random, NOUNS)}_${index}_${lines.length}`, columns: [] };
    const owner = tables.length > 0 && random() < 0.6 ? pick(random, tables.slice(-50)) : null;
    lines.push(...createTable(random, table, owner));
    tables.push(table);
  }
  return lines.join('\n') + '\n';
}

/** Writes `count` migration files into `dir` (emptied first); returns the file names. */
export function generateFolder(dir: string, count: number, seed = 42): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = createRandom(seed);
  const tables: Table[] = [];
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    const name = `${timestamp(index)}_${pick(random, ['add', 'create', 'update', 'fix'])}_${pick(random, NOUNS)}.sql`;
    writeFileSync(path.join(dir, name), migration(random, index, tables));
    names.push(name);
  }
  return names;
}

function dumpRows(random: () => number, table: string, first: number, count: number): string {
  const rows: string[] = [];
  for (let id = first; id < first + count; id++) {
    const title = `'${pick(random, NOUNS)} ${id} it''s fine'`;
    rows.push(`    (${id}, ${title}, ${Math.floor(random() * 1e6)}, '2024-01-01 00:00:00+00', '{"k": ${id}}')`);
  }
  return `INSERT INTO public.${table} (id, title, amount_cents, created_at, metadata) VALUES\n${rows.join(',\n')};\n`;
}

/** Writes one pg_dump-style file (DDL, then multi-row INSERTs) of about `bytes` bytes into `dir`. */
export function generateDump(dir: string, bytes: number, seed = 7): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = createRandom(seed);
  const parts: string[] = [
    '--\n-- PostgreSQL database dump\n--\n\n',
    "SET statement_timeout = 0;\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n",
    "SELECT pg_catalog.set_config('search_path', '', false);\nSET check_function_bodies = false;\n\n",
  ];
  let size = parts.join('').length;
  let tableIndex = 0;
  while (size < bytes) {
    const table = `${pick(random, NOUNS)}_${tableIndex++}`;
    const ddl = [
      `--\n-- Name: ${table}; Type: TABLE; Schema: public; Owner: postgres\n--\n\n`,
      `CREATE TABLE public.${table} (\n    id bigint NOT NULL,\n    title text NOT NULL,\n    amount_cents bigint DEFAULT 0 NOT NULL,\n`,
      `    created_at timestamp with time zone DEFAULT now() NOT NULL,\n    metadata jsonb DEFAULT '{}'::jsonb NOT NULL\n);\n\n`,
      `ALTER TABLE public.${table} OWNER TO postgres;\n\n`,
      `ALTER TABLE ONLY public.${table}\n    ADD CONSTRAINT ${table}_pkey PRIMARY KEY (id);\n\n`,
      `CREATE INDEX ${table}_created_at_idx ON public.${table} USING btree (created_at);\n\n`,
    ].join('');
    parts.push(ddl);
    size += ddl.length;
    for (let batch = 0; batch < 20 && size < bytes; batch++) {
      const insert = dumpRows(random, table, batch * 100 + 1, 100);
      parts.push(insert);
      size += insert.length;
    }
  }
  parts.push('\n--\n-- PostgreSQL database dump complete\n--\n');
  const name = '20240101000000_dump.sql';
  writeFileSync(path.join(dir, name), parts.join(''));
  return name;
}
