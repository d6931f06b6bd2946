import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import type { Preset } from '../../src/presets.js';
import { verify } from '../../src/verify/index.js';
import { writeFolder } from '../support/rule-tester.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function baselineAndVerify(files: Record<string, string>, preset: Preset) {
  const dir = writeFolder(files);
  folders.push(dir);
  const analysis = await analyze(dir, { cache: false, preset });
  const baseline = emitBaseline(analysis, { includeData: false });
  const report = await verify({ files: analysis.files, baseline: { name: 'baseline', text: baseline }, preset: analysis.preset });
  return { baseline, report };
}

describe('a DO block whose effect depends on the catalog keeps its place among the objects it can touch', () => {
  it(
    'drops every overload of f, every policy, sets search_path on every function (pinned), and revokes from anon on the tables of the moment (run by the model)',
    async () => {
      const { baseline, report } = await baselineAndVerify({ '001_f.sql': `CREATE FUNCTION public.f(a int) RETURNS int LANGUAGE sql AS 'select 1';
CREATE FUNCTION public.g() RETURNS int LANGUAGE sql AS 'select 1';
CREATE TABLE public.items (id int PRIMARY KEY, owner text);
ALTER TABLE public.items ENABLE ROW LEVEL SECURITY;
CREATE POLICY old_read ON public.items FOR SELECT USING (true);
GRANT SELECT ON public.items TO anon;
`, '002_cleanup.sql': `DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p WHERE p.proname = 'f' LOOP
    EXECUTE 'DROP FUNCTION ' || r.sig; END LOOP; END $$;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT policyname, tablename FROM pg_policies WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP POLICY %I ON public.%I', r.policyname, r.tablename); END LOOP; END $$;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = public', r.sig); END LOOP; END $$;
DO $$ DECLARE t text; BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('REVOKE ALL ON public.%I FROM anon', t); END LOOP; END $$;
CREATE FUNCTION public.f(a int, b int) RETURNS int LANGUAGE sql AS 'select 2';
CREATE OR REPLACE FUNCTION public.g() RETURNS int LANGUAGE sql AS 'select 2';
CREATE POLICY new_read ON public.items FOR SELECT USING (owner = current_user);
CREATE TABLE public.later (id int);
GRANT SELECT ON public.later TO anon;
` }, 'none');
      expect(baseline).toContain(
        [
          '-- Order pinned by statements whose effect depends on the catalog when they run (3):',
          '--   002_cleanup.sql:1  DO block, among the functions',
          '--   002_cleanup.sql:4  DO block, among the policies',
          '--   002_cleanup.sql:7  DO block, among the functions',
        ].join('\n'),
      );
      expect(baseline.indexOf('002_cleanup.sql:1: kept here')).toBeLessThan(baseline.indexOf('CREATE FUNCTION f(a integer, b integer)'));
      expect(report.baselineRejections).toEqual([]);
      expect(report.differences.map((difference) => difference.message)).toEqual([]);
    },
    180_000,
  );

  it(
    'supabase: a loop that revokes from anon runs after the GRANT it undid, and a table made after it is given back what the platform grants',
    async () => {
      const { baseline, report } = await baselineAndVerify({ '20240101000000_a.sql': `CREATE TABLE public.notes (id int PRIMARY KEY, body text);
GRANT SELECT ON public.notes TO anon;
CREATE FUNCTION public.touch() RETURNS int LANGUAGE sql AS 'select 1';
DO $$ DECLARE t text; BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('REVOKE ALL ON public.%I FROM anon', t);
  END LOOP;
  FOR t IN SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM anon', t);
  END LOOP;
END $$;
CREATE TABLE public.later (id int PRIMARY KEY);
GRANT SELECT ON public.notes TO authenticated;
` }, 'supabase');
      expect(baseline).toContain('REVOKE ALL ON TABLE later FROM anon, authenticated, service_role;\nGRANT ALL ON TABLE later TO anon, authenticated, service_role;');
      expect(report.baselineRejections).toEqual([]);
      expect(report.differences.map((difference) => difference.message)).toEqual([]);
    },
    180_000,
  );
});
