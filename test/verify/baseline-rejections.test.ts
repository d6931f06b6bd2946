import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { main, type Output } from '../../src/cli.js';
import { summarize } from '../../src/verify/consequences.js';
import { verify } from '../../src/verify/index.js';
import { writeFolder } from '../support/rule-tester.js';

// Each run starts an embedded PostgreSQL: seconds, more on a busy machine.
const SLOW = 180_000;

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function verifyAgainst(chain: Record<string, string>, baseline: string) {
  const dir = writeFolder(chain);
  folders.push(dir);
  const analysis = await analyze(dir, { cache: false });
  return verify({ files: analysis.files, baseline: { name: 'baseline.sql', text: baseline }, preset: analysis.preset });
}

describe('verify: statements PostgreSQL refuses to parse, and baseline statements it rejects', () => {
  it(
    'lists each with its baseline line and PostgreSQL message, next to the statements it rejects when running them',
    async () => {
      const baseline = [
        'create table a (id int);',
        'creat table b (id int);',
        '-- two refused statements in a row, then one that parses',
        'create table c (id int primary key,);',
        'create table d (id int);',
        'alter table missing add column x int;',
        'create index a_id on a (id) where;',
        '',
      ].join('\n');
      const report = await verifyAgainst({ '001_init.sql': 'create table a (id int);\ncreate table b (id int);\ncreate table d (id int);\n' }, baseline);
      expect(report.baselineRejections).toEqual([
        { where: 'baseline.sql:2', statement: 'creat table b (id int)', message: 'syntax error at or near "creat"' },
        { where: 'baseline.sql:4', statement: 'create table c (id int primary key,)', message: 'syntax error at or near ")"' },
        { where: 'baseline.sql:6', statement: 'alter table missing add column x int', message: 'relation "missing" does not exist' },
        { where: 'baseline.sql:7', statement: 'create index a_id on a (id) where', message: 'syntax error at end of input' },
      ]);
      expect(report.statements.baseline).toBe(6);
      expect(summarize(report.differences).map(({ difference }) => difference.message)).toEqual(['table public.b exists only on the left']);
    },
    SLOW,
  );

  it(
    'gives PostgreSQL an unterminated quote at the end of the baseline as written',
    async () => {
      const report = await verifyAgainst({ '001_init.sql': 'create table a (id int);\n' }, "create table a (id int);\ncomment on table a is 'never closed;\n");
      expect(report.baselineRejections).toEqual([
        { where: 'baseline.sql:2', statement: "comment on table a is 'never closed;", message: 'unterminated quoted string at or near "\'never closed;"' },
      ]);
    },
    SLOW,
  );

  it(
    'gives PostgreSQL a chain statement it cannot parse too, but never the down section after it',
    async () => {
      // NO TRANSACTION: goose runs the file statement by statement, so `a` stays after the syntax error
      // (dbmate's transaction:false would not do: it sends the whole section as one query).
      const chain = { '20240101000000_init.sql': '-- +goose Up\n-- +goose NO TRANSACTION\ncreate table a (id int);\ncreat table b (id int);\n\n-- +goose Down\ndrop table a;\n' };
      const report = await verifyAgainst(chain, 'create table a (id int);\n');
      expect(report.chainRejections.map(({ where, statement, message }) => `${path.basename(where)} ${statement}: ${message}`)).toEqual([
        '20240101000000_init.sql:4 creat table b (id int): syntax error at or near "creat"',
      ]);
      expect(report.statements.chain).toBe(2);
      expect(report.differences).toEqual([]);
    },
    SLOW,
  );

  it(
    'does not fail the baseline for a statement the chain has too and PostgreSQL rejects alike (supabase/postgres grants a role only pgsodium creates)',
    async () => {
      const dir = writeFolder({ '001_init.sql': 'create table a (id int);\ngrant pgsodium_keyholder to postgres;\n' });
      folders.push(dir);
      let stdout = '';
      const output: Output = { stdout: (text) => (stdout += text), stderr: () => undefined };
      const code = await main(['verify', dir], output);
      expect(stdout).toContain(
        [
          'Statements of the baseline PostgreSQL rejects (1):',
          `  (generated baseline):${stdout.match(/\(generated baseline\):(\d+)/)?.[1]}  role "pgsodium_keyholder" does not exist  (rejected alike in the chain at ${path.relative(process.cwd(), path.join(dir, '001_init.sql'))}:2)`,
          '      grant pgsodium_keyholder to postgres',
          '',
          'The baseline builds the same database as the chain.',
        ].join('\n'),
      );
      expect(code).toBe(0);
    },
    SLOW,
  );
});
