import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { verify } from '../../src/verify/index.js';
import { miglint } from '../support/built-cli.js';
import { writeFolder } from '../support/rule-tester.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The lines of one baseline section, between its title and the next section. */
function sectionOf(baseline: string, title: string): string[] {
  const start = baseline.indexOf(`-- ${title}`);
  if (start === -1) return [];
  const body = baseline.slice(start).split('\n').slice(3);
  const end = body.findIndex((line) => line.startsWith('-- ---'));
  return body.slice(0, end === -1 ? undefined : end).filter((line) => line !== '');
}

async function baselineAndVerify(files: Record<string, string>) {
  const dir = writeFolder(files);
  folders.push(dir);
  const analysis = await analyze(dir, { cache: false, preset: 'supabase' });
  const baseline = emitBaseline(analysis, { includeData: false });
  const report = await verify({ files: analysis.files, baseline: { name: 'baseline', text: baseline }, preset: analysis.preset });
  return { baseline, report };
}

describe('a baseline never grants more than the chain (supabase: the platform grants anon ALL on every new table in public)', () => {
  it(
    'keeps REVOKE ALL before a column-level GRANT: anon may only SELECT (id, public_col)',
    async () => {
      const { baseline, report } = await baselineAndVerify({
        '20240101000000_secrets.sql': `CREATE TABLE public.secrets (id int PRIMARY KEY, public_col text, secret text);
REVOKE ALL ON public.secrets FROM anon, authenticated;
GRANT SELECT (id, public_col) ON public.secrets TO anon, authenticated;
`,
      });
      expect(sectionOf(baseline, 'Grants and revokes')).toEqual([
        'REVOKE ALL ON TABLE secrets FROM anon, authenticated;',
        'GRANT SELECT (id, public_col) ON TABLE secrets TO anon, authenticated;',
      ]);
      expect(report.baselineRejections).toEqual([]);
      expect(report.differences.map((difference) => difference.message)).toEqual([]);
    },
    180_000,
  );

  it(
    'models REVOKE ON ALL ... IN SCHEMA and ALTER DEFAULT PRIVILEGES, the platform\'s and PostgreSQL\'s own, for objects made before and after',
    async () => {
      const { baseline, report } = await baselineAndVerify({
        '20240101000000_init.sql': `CREATE TABLE public.early (id serial PRIMARY KEY, note text);
CREATE FUNCTION public.early_fn() RETURNS int LANGUAGE sql AS 'select 1';
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM anon;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM anon, authenticated;
GRANT SELECT ON public.early TO anon;
`,
        '20240102000000_defaults.sql': `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM anon;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM anon, authenticated;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM anon;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE TABLE public.later (id bigserial PRIMARY KEY, owner_id uuid, secret text);
CREATE FUNCTION public.later_fn() RETURNS int LANGUAGE sql AS 'select 2';
GRANT EXECUTE ON FUNCTION public.later_fn() TO authenticated;
REVOKE UPDATE, DELETE ON public.later FROM authenticated;
GRANT UPDATE (secret) ON public.later TO authenticated;
`,
      });
      expect(sectionOf(baseline, 'Grants and revokes')).toEqual([
        'REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN ON TABLE early FROM anon;',
        'REVOKE ALL ON TABLE later FROM anon;',
        'REVOKE UPDATE, DELETE ON TABLE later FROM authenticated;',
        'GRANT UPDATE (secret) ON TABLE later TO authenticated;',
        'REVOKE ALL ON SEQUENCE later_id_seq FROM anon;',
        'REVOKE ALL ON FUNCTION early_fn() FROM anon, authenticated;',
        'REVOKE ALL ON FUNCTION later_fn() FROM PUBLIC, anon;',
      ]);
      expect(sectionOf(baseline, 'Default privileges for objects created later')).toEqual([
        'ALTER DEFAULT PRIVILEGES REVOKE ALL ON FUNCTIONS FROM PUBLIC;',
        'ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM anon;',
        'ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON FUNCTIONS FROM anon, authenticated;',
        'ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM anon;',
      ]);
      expect(report.baselineRejections).toEqual([]);
      expect(report.differences.map((difference) => difference.message)).toEqual([]);
    },
    180_000,
  );

  it(
    'runs a DO loop over pg_tables that revokes from anon for the tables the model holds then: not for a table made later',
    async () => {
      const { baseline, report } = await baselineAndVerify({ '20240101000000_a.sql': `CREATE TABLE public.notes (id int PRIMARY KEY, body text);
CREATE TABLE public.secrets (id int PRIMARY KEY, body text);
GRANT SELECT ON public.notes TO anon;
DO $$ DECLARE t text; BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('REVOKE ALL ON public.%I FROM anon', t);
  END LOOP;
END $$;
GRANT SELECT (id) ON public.notes TO anon;
CREATE TABLE public.later (id int PRIMARY KEY);
` });
      expect(sectionOf(baseline, 'Grants and revokes')).toEqual([
        'REVOKE ALL ON TABLE notes FROM anon;',
        'GRANT SELECT (id) ON TABLE notes TO anon;',
        'REVOKE ALL ON TABLE secrets FROM anon;',
      ]);
      expect(baseline).not.toContain('pg_tables');
      expect(report.baselineRejections).toEqual([]);
      expect(report.differences.map((difference) => difference.message)).toEqual([]);
    },
    180_000,
  );
});

describe("privileges on PostgreSQL's own functions (found on supabase/postgres: ALTER FUNCTION pg_catalog.lo_export OWNER TO)", () => {
  it(
    'the baseline carries a grant, a revoke and a new owner on pg_catalog functions, and verify proves it',
    async () => {
      const cwd = fileURLToPath(new URL('../fixtures/builtin-grants', import.meta.url));
      const baseline = await miglint(cwd, ['baseline', 'migrations']);
      for (const statement of [
        'GRANT EXECUTE ON FUNCTION pg_catalog.lo_export(oid, text) TO exporter;',
        'REVOKE EXECUTE ON FUNCTION pg_catalog.now() FROM PUBLIC;',
        'ALTER FUNCTION pg_catalog.lo_import(text) OWNER TO exporter;',
      ]) {
        expect(baseline.stdout).toContain(statement);
      }
      const verify = await miglint(cwd, ['verify', 'migrations']);
      expect(verify.stdout).toContain('The baseline builds the same database as the chain.');
      expect(verify.status).toBe(0);
    },
    180_000,
  );

  it(
    'verify sees a revoke on a built-in function the baseline does not carry (named without pg_catalog, it cannot be told from a missing function)',
    async () => {
      const dir = writeFolder({ 'm/001_revoke.sql': 'REVOKE EXECUTE ON FUNCTION now() FROM PUBLIC;\n' });
      folders.push(dir);
      const verify = await miglint(dir, ['verify', 'm']);
      expect(verify.stdout).toContain('[security] grant EXECUTE on function pg_catalog.now() to postgres exists only on the left');
      expect(verify.stdout).toContain('The baseline does not build the same database as the chain.');
      expect(verify.status).toBe(1);
    },
    180_000,
  );
});
