/** verify applies each file as its runner does: goose, golang-migrate, Supabase, ... in one transaction. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Output } from '../../src/cli.js';

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
});
