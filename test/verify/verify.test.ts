import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Output } from '../../src/cli.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const relative = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const output: Output = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const code = await main(argv, output);
  return { code, stdout, stderr };
}

// Each run starts an embedded PostgreSQL: seconds, more on a busy machine.
const SLOW = 180_000;

describe('miglint verify', () => {
  it(
    'proves the baseline of a folder with a foreign-key cycle, serial, identity and a view',
    async () => {
      const result = await cli(['verify', path.join(import.meta.dirname, '../baseline/fixtures/cycle')]);
      expect(result.stdout).toMatch(/^Chain: \d+ statements; baseline \(generated baseline\): \d+ statements; preset: none\.\n\nThe baseline builds the same database as the chain\.\n$/);
      expect(result.code).toBe(0);
    },
    SLOW,
  );

  it(
    'proves a Supabase folder with the supabase preset: auth.users, auth.uid(), storage, roles, extensions schema',
    async () => {
      const result = await cli(['verify', path.join(fixtures, 'supabase/supabase/migrations')]);
      expect(result.stdout).toContain('preset: supabase.');
      expect(result.stdout).not.toContain('rejects');
      expect(result.stdout).toContain('The baseline builds the same database as the chain.');
      expect(result.code).toBe(0);
    },
    SLOW,
  );

  it(
    'reports chain statements PostgreSQL rejects with file:line and its message, an extension PGlite lacks (vector gets a stand-in), and a drifted baseline',
    async () => {
      const file = relative(path.join(fixtures, 'rejects/001_init.sql'));
      const result = await cli(['verify', path.join(fixtures, 'rejects'), '--baseline', path.join(fixtures, 'rejects-baseline.sql')]);
      expect(result.stdout).toContain(
        [
          'Statements of the chain PostgreSQL rejects (1):',
          `  ${file}:13  relation "missing_table" does not exist`,
          '      alter table missing_table add column x integer',
          '',
          'Extensions PGlite does not have (verification went on without them; statements that need them fail):',
          `  vector  (created at ${file}:1; a stand-in type without operators or index methods took its place)`,
        ].join('\n'),
      );
      // The hand-edited baseline drifted: every difference is named, and the run fails. The
      // table it lacks is one line; its index and grants are counted under it.
      expect(result.stdout).toContain(
        [
          'Differences between the chain (left) and the baseline (right) (13: 8 security, 2 column, 2 missing object, 1 constraint):',
          '  [missing object] table public.embeddings exists only on the left (and 9 more that follow from it: its indexes, triggers, policies, grants, comments)',
          '  [column] table public.notes: columns.body.notNull differs: true vs false',
          '  [column] table public.notes: columns.title exists only on the right ({"name":"title","type":"text","notNull":false,"default":null,"identity":null,"generated":null,"collation":null,"storage":null,"compression":null,"statisticsTarget":null,"options":[],"identitySequence":null})',
          '  [constraint] table public.notes: constraints.notes_body_not_null exists only on the left ({"name":"notes_body_not_null","type":"n","definition":"NOT NULL body"})',
          '',
        ].join('\n'),
      );
      expect(result.stdout).toMatch(/The baseline does not build the same database as the chain\.\n$/);
      expect(result.code).toBe(1);
    },
    SLOW,
  );
});
