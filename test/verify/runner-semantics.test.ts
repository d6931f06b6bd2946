/**
 * verify applies each file as its layout's runner does, and the model agrees with it: how the
 * runner sends a file (one query, or inside its own transaction), the bookkeeping table it keeps
 * in the same database, its placeholders, and what it runs that verify cannot (Go code).
 * Runs the built CLI (npm run build first).
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { LAYOUTS } from '../../src/discover/index.js';
import { runnerTables, runnerTablesSql } from '../../src/discover/runner-tables.js';
import { isRunnerTable } from '../../src/presets.js';
import { VERIFY_DATABASE } from '../../src/discover/graphile-placeholders.js';
import { afterEach, describe, expect, it } from 'vitest';
import { miglint, places } from '../support/built-cli.js';
import { writeFolder } from '../support/rule-tester.js';

const SLOW = 180_000;
const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = writeFolder(files);
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a file sent as one query runs in a transaction block only when it holds more than one statement', () => {
  it(
    'golang-migrate: a file holding only CREATE INDEX CONCURRENTLY runs, and verify calls the baseline equal',
    async () => {
      const dir = folder({ 'm/0001_a.up.sql': 'CREATE TABLE t (id int PRIMARY KEY);\n', 'm/0002_b.up.sql': 'CREATE INDEX CONCURRENTLY t_id ON t (id);\n' });
      const verify = await miglint(dir, ['verify', 'm']);
      expect(verify.stdout).not.toContain('rejects');
      expect(verify.stdout).toContain('The baseline builds the same database as the chain.');
      expect(verify.status).toBe(0);
      const lint = await miglint(dir, ['lint', 'm', '--format', 'json']);
      expect(places(lint).filter((place) => place.endsWith('rejected-statement'))).toEqual([]);
    },
    SLOW,
  );

  it(
    'golang-migrate: with a second statement PostgreSQL rejects it and nothing in the file applies; lint says so, and the baseline leaves the file out',
    async () => {
      const dir = folder({
        'm/0001_a.up.sql': 'CREATE TABLE t (id int PRIMARY KEY);\n',
        'm/0002_b.up.sql': 'CREATE TABLE u (id int PRIMARY KEY);\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n',
      });
      const verify = await miglint(dir, ['verify', 'm']);
      expect(verify.stdout).toContain('m/0002_b.up.sql:2  CREATE INDEX CONCURRENTLY cannot run inside a transaction block  (the runner applies this file in one transaction: nothing in it applied)');
      expect(verify.stdout).toContain('The baseline builds the same database as the chain.');
      expect(verify.status).toBe(0);
      const lint = await miglint(dir, ['lint', 'm', '--format', 'json']);
      expect(places(lint).filter((place) => place.endsWith('rejected-statement'))).toEqual(['m/0002_b.up.sql:2 rejected-statement']);
      const baseline = await miglint(dir, ['baseline', 'm']);
      expect(baseline.stdout).not.toContain('"u"');
      expect(baseline.stdout).not.toMatch(/CREATE TABLE (public\.)?u\b/);
    },
    SLOW,
  );

  it(
    'Prisma: a migration.sql holding only CREATE INDEX CONCURRENTLY runs',
    async () => {
      const dir = folder({
        'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
        'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE "T" ("id" INTEGER NOT NULL, CONSTRAINT "T_pkey" PRIMARY KEY ("id"));\n',
        'prisma/migrations/20240102000000_index/migration.sql': 'CREATE INDEX CONCURRENTLY "T_id_idx" ON "T" ("id");\n',
      });
      const verify = await miglint(dir, ['verify', 'prisma/migrations']);
      expect(verify.stdout).not.toContain('rejects');
      expect(verify.status).toBe(0);
    },
    SLOW,
  );

  it(
    "Diesel: run_in_transaction = false sends the file as one query: a lone CREATE INDEX CONCURRENTLY runs, one beside another statement is rejected with the file",
    async () => {
      const noTransaction = 'run_in_transaction = false\n';
      const dir = folder({
        'migrations/2020-01-01-000000_a/up.sql': 'CREATE TABLE t (id int PRIMARY KEY, v int);\n',
        'migrations/2020-01-01-000000_a/down.sql': 'DROP TABLE t;\n',
        'migrations/2020-01-02-000000_b/up.sql': 'CREATE INDEX CONCURRENTLY t_id ON t (id);\n',
        'migrations/2020-01-02-000000_b/down.sql': 'DROP INDEX t_id;\n',
        'migrations/2020-01-02-000000_b/metadata.toml': noTransaction,
        'migrations/2020-01-03-000000_c/up.sql': 'CREATE TABLE u (id int PRIMARY KEY);\nCREATE INDEX CONCURRENTLY t_v ON t (v);\n',
        'migrations/2020-01-03-000000_c/down.sql': 'DROP TABLE u;\n',
        'migrations/2020-01-03-000000_c/metadata.toml': noTransaction,
      });
      const verify = await miglint(dir, ['verify', 'migrations']);
      expect(verify.stdout).toContain('Statements of the chain PostgreSQL rejects (1):\n  migrations/2020-01-03-000000_c/up.sql:2  CREATE INDEX CONCURRENTLY cannot run inside a transaction block');
      expect(verify.stdout).toContain('The baseline builds the same database as the chain.');
      expect(verify.status).toBe(0);
      const lint = await miglint(dir, ['lint', 'migrations', '--format', 'json']);
      expect(places(lint).filter((place) => place.endsWith('rejected-statement'))).toEqual(['migrations/2020-01-03-000000_c/up.sql:2 rejected-statement']);
    },
    SLOW,
  );

  it(
    'Flyway: a migration holding a statement PostgreSQL runs only outside a transaction runs without one',
    async () => {
      const dir = folder({ 'm/V1__a.sql': 'CREATE TABLE t (id int PRIMARY KEY);\n', 'm/V2__b.sql': 'CREATE INDEX CONCURRENTLY t_id ON t (id);\n' });
      const verify = await miglint(dir, ['verify', 'm']);
      expect(verify.stdout).not.toContain('rejects');
      expect(verify.status).toBe(0);
    },
    SLOW,
  );

  it(
    'goose: its own transaction refuses even a lone CREATE INDEX CONCURRENTLY, in verify and in lint',
    async () => {
      const dir = folder({
        'm/20240101000000_a.sql': '-- +goose Up\nCREATE TABLE t (id int PRIMARY KEY);\n',
        'm/20240102000000_b.sql': '-- +goose Up\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n',
      });
      const verify = await miglint(dir, ['verify', 'm']);
      expect(verify.stdout).toContain('m/20240102000000_b.sql:2  CREATE INDEX CONCURRENTLY cannot run inside a transaction block');
      expect(verify.stdout).toContain('The baseline builds the same database as the chain.');
      const lint = await miglint(dir, ['lint', 'm', '--format', 'json']);
      expect(places(lint).filter((place) => place.endsWith('rejected-statement'))).toEqual(['m/20240102000000_b.sql:2 rejected-statement']);
    },
    SLOW,
  );
});

describe("the runner's own tables exist before the first migration", () => {
  it(
    "Diesel: a trigger on __diesel_schema_migrations runs in the chain, lint reports nothing, and the baseline carries it",
    async () => {
      const dir = folder({
        'migrations/2020-01-01-000000_a/up.sql': 'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;\nCREATE TRIGGER f BEFORE INSERT ON __diesel_schema_migrations EXECUTE FUNCTION f();\n',
        'migrations/2020-01-01-000000_a/down.sql': 'DROP FUNCTION f() CASCADE;\n',
      });
      const verify = await miglint(dir, ['verify', 'migrations']);
      expect(verify.stdout).not.toContain('rejects');
      expect(verify.stdout).toContain('The baseline builds the same database as the chain.');
      expect(verify.status).toBe(0);
      const lint = await miglint(dir, ['lint', 'migrations', '--format', 'json']);
      expect(places(lint)).toEqual([]);
      const baseline = await miglint(dir, ['baseline', 'migrations']);
      expect(baseline.stdout).toContain('CREATE TRIGGER f BEFORE INSERT ON __diesel_schema_migrations EXECUTE FUNCTION f();');
    },
    SLOW,
  );

  it(
    'drizzle: a grant on drizzle.__drizzle_migrations is not a missing reference',
    async () => {
      const dir = folder({
        'drizzle/meta/_journal.json': JSON.stringify({ version: '7', dialect: 'postgresql', entries: [{ idx: 0, version: '7', when: 1700000000000, tag: '0000_init', breakpoints: true }] }),
        'drizzle/0000_init.sql': 'CREATE ROLE reader;\n--> statement-breakpoint\nGRANT SELECT ON drizzle.__drizzle_migrations TO reader;\n',
      });
      const lint = await miglint(dir, ['lint', 'drizzle', '--format', 'json']);
      expect(places(lint)).toEqual([]);
      const verify = await miglint(dir, ['verify', 'drizzle']);
      expect(verify.stdout).not.toContain('rejects');
      expect(verify.status).toBe(0);
    },
    SLOW,
  );

  it("each layout's runner SQL creates, in PostgreSQL, exactly the tables the model is told about", async () => {
    const db = new PGlite();
    try {
      for (const layout of LAYOUTS) {
        await db.exec('begin');
        await db.exec(runnerTablesSql(layout));
        const { rows } = await db.query<{ schema: string; name: string }>(
          "select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') order by 1, 2",
        );
        await db.exec('rollback');
        const key = (table: { schema: string; name: string }) => `${table.schema}.${table.name}`;
        expect(rows.map(key), layout).toEqual(runnerTables(layout).map(key).sort());
        for (const row of rows) expect(isRunnerTable(row.name, row.schema), key(row)).toBe(true);
      }
    } finally {
      await db.close();
    }
  }, SLOW);
});

describe('node-pg-migrate runs only the up section of each SQL file', () => {
  it(
    'lint finds nothing, the baseline has the table with its added column, verify calls it equal',
    async () => {
      const cwd = fileURLToPath(new URL('../fixtures/node-pg-migrate', import.meta.url));
      const lint = await miglint(cwd, ['lint', 'migrations', '--format', 'json']);
      expect(places(lint)).toEqual([]);
      expect(lint.status).toBe(0);
      const baseline = await miglint(cwd, ['baseline', 'migrations']);
      expect(baseline.stdout).toContain('CREATE TABLE account (\n  id integer NOT NULL,\n  name text,\n  email text');
      expect(baseline.stdout).not.toContain('DROP');
      const verify = await miglint(cwd, ['verify', 'migrations']);
      expect(verify.stdout).not.toContain('rejects');
      expect(verify.stdout).toContain('The baseline builds the same database as the chain.');
      expect(verify.status).toBe(0);
    },
    SLOW,
  );
});

describe('the Supabase platform has Realtime before the first migration', () => {
  it(
    'a broadcast trigger calling realtime.broadcast_changes and a policy on realtime.messages run in the chain; lint reports neither',
    async () => {
      const dir = folder({
        'supabase/migrations/20240101000000_realtime.sql': [
          'create table public.notes (id uuid primary key default gen_random_uuid(), body text);',
          'create function public.notes_changes() returns trigger language plpgsql set search_path = \'\' as $$',
          'begin',
          "  perform realtime.broadcast_changes('topic:' || coalesce(new.id, old.id)::text, tg_op, tg_op, tg_table_name, tg_table_schema, new, old);",
          '  return null;',
          'end;',
          '$$;',
          'create trigger handle_notes_changes after insert or update or delete on public.notes for each row execute function public.notes_changes();',
          'create policy "Authenticated users can receive broadcasts" on "realtime"."messages" for select to authenticated using (true);',
          "select realtime.send(jsonb_build_object('hello', 'world'), 'event', 'topic', false);",
          '',
        ].join('\n'),
      });
      const verify = await miglint(dir, ['verify', 'supabase/migrations']);
      expect(verify.stdout).not.toContain('rejects');
      expect(verify.stdout).toContain('The baseline builds the same database as the chain.');
      expect(verify.status).toBe(0);
      const lint = await miglint(dir, ['lint', 'supabase/migrations', '--format', 'json']);
      expect(places(lint).filter((place) => /rejected-statement|missing-reference/.test(place))).toEqual([]);
    },
    SLOW,
  );
});

describe("graphile-migrate's placeholders are replaced as graphile-migrate replaces them", () => {
  /** A committed graphile-migrate file with its --! Previous / --! Hash headers (the first of its chain). */
  function committed(body: string): string {
    const hash = `sha1:${createHash('sha1').update(`${`\n${body}`.trim()}\n`).digest('hex')}`;
    return `--! Previous: -\n--! Hash: ${hash}\n\n${body}`;
  }

  it('VERIFY_DATABASE is the database PGlite gives verify, and its owner', async () => {
    const db = new PGlite();
    try {
      const { rows } = await db.query<{ name: string; owner: string }>('select datname as name, pg_get_userbyid(datdba) as owner from pg_database where datname = current_database()');
      expect(rows).toEqual([{ ...VERIFY_DATABASE }]);
    } finally {
      await db.close();
    }
  });

  it(
    ':DATABASE_NAME and :DATABASE_OWNER name the database verify builds and the owner .gmrc gives; .gmrc values replace their keys; lint and verify find nothing',
    async () => {
      const dir = folder({
        'db/.gmrc': '{\n  // JSON5\n  "databaseOwner": "app_owner",\n  "placeholders": {\n    ":APP_SCHEMA": "app",\n    ":DATABASE_VISITOR": "!ENV"\n  },\n  "afterReset": ["!afterReset.sql"],\n}\n',
        'db/migrations/afterReset.sql': 'BEGIN;\nCREATE ROLE app_owner;\nGRANT CONNECT ON DATABASE :DATABASE_NAME TO :DATABASE_OWNER;\nGRANT ALL ON DATABASE :DATABASE_NAME TO :DATABASE_OWNER;\nCOMMIT;\n',
        'db/migrations/committed/000001.sql': committed('create schema :APP_SCHEMA;\ncreate table :APP_SCHEMA.t (id int primary key);\ngrant select on :APP_SCHEMA.t to :DATABASE_VISITOR;\n'),
      });
      const verify = await miglint(dir, ['verify', 'db/migrations']);
      expect(verify.stdout).not.toContain('rejects');
      expect(verify.stdout).toContain('The baseline builds the same database as the chain.');
      expect(verify.status).toBe(0);
      const lint = await miglint(dir, ['lint', 'db/migrations', '--format', 'json']);
      expect(places(lint).filter((place) => /parse-error|rejected-statement|missing-reference/.test(place))).toEqual([]);
      const baseline = await miglint(dir, ['baseline', 'db/migrations']);
      expect(baseline.stdout).toContain('GRANT CONNECT ON DATABASE postgres TO app_owner');
      expect(baseline.stdout).toMatch(/CREATE TABLE app\.t\b/);
    },
    SLOW,
  );
});

describe('verify says plainly what it cannot run as the runner does', () => {
  it(
    'goose: a Go migration is listed as not run, and the failure is put down to it, not to the baseline',
    async () => {
      const dir = folder({
        'm/20240101000000_a.sql': '-- +goose Up\nCREATE TABLE a (id int PRIMARY KEY);\n',
        'm/20240102000000_b.go': 'package migrations\n\n// creates table b\n',
        'm/20240103000000_c.sql': '-- +goose Up\nALTER TABLE b ADD COLUMN c int;\n',
        'm/helpers_test.go': 'package migrations\n',
      });
      const verify = await miglint(dir, ['verify', 'm']);
      expect(verify.stdout).toContain(
        'Go migrations verify cannot run (1; goose runs them in version order with the SQL files, so the chain here lacks what they do, and differences and rejections that follow from it are expected):\n  m/20240102000000_b.go\n',
      );
      expect(verify.stdout).toContain(
        "verify cannot prove the baseline: it could not run 1 file as the runner does (listed above). Without them the two databases are the same, but the runner's database has what they do, and neither database here does.",
      );
      expect(verify.stdout).not.toContain('The baseline builds the same database as the chain.');
      expect(verify.status).toBe(1);
    },
    SLOW,
  );

  it(
    'golang-migrate: files that are Go templates are listed, and the failure is put down to them',
    async () => {
      const dir = folder({
        'm/0001_a.up.sql': 'CREATE SCHEMA IF NOT EXISTS auth;\n',
        'm/0002_b.up.sql': 'CREATE TABLE {{ index .Options "Namespace" }}.users (id uuid PRIMARY KEY);\n',
      });
      const verify = await miglint(dir, ['verify', 'm']);
      expect(verify.stdout).toContain('Files that are Go templates (1; the runner renders {{ ... }} before running them, verify ran them as written, so PostgreSQL rejects them and differences and rejections that follow from it are expected):\n  m/0002_b.up.sql\n');
      expect(verify.stdout).toContain('verify cannot prove the baseline: it could not run 1 file as the runner does (listed above)');
      expect(verify.status).toBe(1);
    },
    SLOW,
  );
});
