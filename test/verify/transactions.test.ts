/** verify applies each file as its runner does: goose, golang-migrate, Supabase, ... in one transaction. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { main, type Output } from '../../src/cli.js';
import { writeFolder } from '../support/rule-tester.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const relative = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

async function cli(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const output: Output = { stdout: (text) => (stdout += text), stderr: () => undefined };
  const code = await main(argv, output);
  return { code, stdout };
}

const SLOW = 180_000;

describe('verify applies a file in one transaction when its runner does', () => {
  it(
    'a goose file with LOCK TABLE runs, as goose runs it, inside its transaction',
    async () => {
      const result = await cli(['verify', path.join(fixtures, 'goose-lock')]);
      expect(result.stdout).not.toContain('rejects');
      expect(result.stdout).toContain('The baseline builds the same database as the chain.');
      expect(result.code).toBe(0);
    },
    SLOW,
  );

  it(
    'a goose file with a rejected statement applies nothing, and the baseline (from the model, which undid it too) builds the same database',
    async () => {
      const file = relative(path.join(fixtures, 'goose-rollback/20240102000000_broken.sql'));
      const result = await cli(['verify', path.join(fixtures, 'goose-rollback')]);
      expect(result.stdout).toContain(
        [
          'Statements of the chain PostgreSQL rejects (1):',
          `  ${file}:3  column "mail" does not exist  (the runner applies this file in one transaction: nothing in it applied)`,
          "      ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (mail <> '')",
        ].join('\n'),
      );
      expect(result.stdout).toContain('The baseline builds the same database as the chain.');
    },
    SLOW,
  );

  it(
    'a Supabase file that creates an auth.users trigger a second time applies nothing, and the baseline creates the trigger once',
    async () => {
      const trigger = 'create trigger on_auth_user_created after insert on auth.users for each row execute function public.handle_new_user();\n';
      const dir = writeFolder({
        'supabase/migrations/20240101000000_a.sql': `create function public.handle_new_user() returns trigger language plpgsql as $$ begin return new; end $$;\n${trigger}`,
        'supabase/migrations/20240102000000_b.sql': `create table public.notes (id int primary key);\n${trigger}`,
      });
      try {
        const result = await cli(['verify', `${dir}/supabase/migrations`]);
        expect(result.stdout).toContain('trigger "on_auth_user_created" for relation "users" already exists  (the runner applies this file in one transaction: nothing in it applied)');
        expect(result.stdout).not.toContain('Statements of the baseline PostgreSQL rejects');
        expect(result.stdout).toContain('The baseline builds the same database as the chain.');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it(
    'a rejection that only an extension PGlite lacks explains (hnsw without vector) does not undo the file',
    async () => {
      const dir = writeFolder({
        '20240101000000_items.sql':
          '-- +goose Up\nCREATE EXTENSION IF NOT EXISTS vector;\nCREATE TABLE items (id int PRIMARY KEY, embedding vector(3));\nCREATE INDEX items_embedding_idx ON items USING hnsw (embedding vector_l2_ops);\nCREATE TABLE after_index (id int PRIMARY KEY);\n',
      });
      try {
        const result = await cli(['verify', dir]);
        expect(result.stdout).toMatch(/20240101000000_items\.sql:4 {2}access method "hnsw" does not exist\n/);
        expect(result.stdout).not.toContain('nothing in it applied');
        expect(result.stdout).toContain('The baseline builds the same database as the chain.');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
