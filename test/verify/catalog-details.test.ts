import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { main, type Output } from '../../src/cli.js';
import { catalogDifferences } from '../support/catalog-differences.js';

const SLOW = 180_000;

describe('verify compares what pg_dump shows', () => {
  it(
    'labels each difference: NOT NULL names, column order, index storage, defaults, function settings, privileges and comments',
    async () => {
      const setup = `
        create role reader;
        create table t (id int primary key, b int default 1, a text not null);
        create index t_a on t (a);
        create function f() returns int language sql as 'select 1';
        comment on table t is 'kept';`;
      const chain = new PGlite();
      await chain.exec(setup);
      const baseline = (await chain.clone()) as PGlite;
      await chain.exec(`
        alter table t rename column a to a2; alter table t rename column a2 to a;
        alter table t drop column b; alter table t add column b int default 1;
        alter index t_a set (fillfactor = 90);
        alter table t alter column b set default 2;
        alter function f() set search_path = public;
        grant select (a) on t to reader;
        alter default privileges grant select on tables to reader;
        comment on table t is 'changed';`);
      await baseline.exec(`
        alter table t drop constraint t_a_not_null; alter table t add constraint a_required not null a;`);
      expect(await catalogDifferences(chain, baseline)).toEqual([
        'default: tables public.t columns.b.default',
        'column order: tables public.t columns order',
        'constraint: tables public.t constraints.t_a_not_null',
        'constraint: tables public.t constraints.a_required',
        'storage: indexes public.t_a storageParameters',
        'security: functions public.f() config',
        'definition: functions public.f() definition',
        'security: grants SELECT on column public.t.a to reader ',
        'security: defaultPrivileges SELECT on tables in all schemas for postgres to reader ',
        'comment: comments table public.t comment',
      ]);
    },
    SLOW,
  );

  it(
    'keeps NOT NULL names through renames, so a later DROP CONSTRAINT of the old name works on a database built from the baseline',
    async () => {
      const analysis = await analyze(path.join(import.meta.dirname, '../fidelity/fixtures/catalog-details'), { cache: false });
      const db = new PGlite();
      await db.exec(emitBaseline(analysis, { includeData: false }));
      await db.exec('ALTER TABLE users DROP CONSTRAINT accounts_name_not_null; ALTER TABLE notes DROP CONSTRAINT notes_id_required;');
      const { rows } = await db.query<{ conname: string }>(`select conname from pg_constraint where contype = 'n' and connamespace = 'public'::regnamespace order by 1`);
      await db.close();
      expect(rows.map((row) => row.conname)).toEqual(['accounts_id_not_null', 'users_legacy_not_null', 'users_tail_not_null']);
    },
    SLOW,
  );

  const scratch = mkdtempSync(path.join(tmpdir(), 'miglint-verify-security-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(
    'fails on a privilege difference and says it is one (security)',
    async () => {
      const dir = path.join(scratch, 'migrations');
      mkdirSync(dir);
      writeFileSync(
        path.join(dir, '001_secrets.sql'),
        'CREATE TABLE secrets (id int PRIMARY KEY, secret text);\nREVOKE ALL ON secrets FROM PUBLIC;\nGRANT SELECT (id) ON secrets TO reader;\n',
      );
      const baseline = path.join(scratch, 'baseline.sql');
      writeFileSync(baseline, 'CREATE TABLE secrets (id int PRIMARY KEY, secret text);\nGRANT SELECT ON secrets TO reader;\n');
      let stdout = '';
      const output: Output = { stdout: (text) => (stdout += text), stderr: () => undefined };
      const code = await main(['verify', dir, '--baseline', baseline], output);
      expect(stdout).toContain(
        [
          'Differences between the chain (left) and the baseline (right) (2: 2 security):',
          '  [security] grant SELECT on column public.secrets.id to reader exists only on the left',
          '  [security] grant SELECT on table public.secrets to reader exists only on the right',
          '',
          'Security: 2 differences in privileges, owners or row-level security. A baseline must never grant more (or less) than the chain: verify always fails on these.',
        ].join('\n'),
      );
      expect(code).toBe(1);
    },
    SLOW,
  );
});
