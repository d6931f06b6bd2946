import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { verify } from '../../src/verify/index.js';
import { miglint } from '../support/built-cli.js';
import { writeFolder } from '../support/rule-tester.js';

const folders: string[] = [];

/** The baseline of the fixture's supabase/migrations, from its first CREATE SCHEMA on. */
async function baselineFromCreateSchema(cwd: string): Promise<string> {
  const { stdout } = await miglint(cwd, ['baseline', 'supabase/migrations']);
  return stdout.slice(stdout.indexOf('CREATE SCHEMA'));
}

/** verify of the fixture's supabase/migrations says equal, with no privilege difference, and exits 0. */
async function expectVerifiedEqual(cwd: string): Promise<void> {
  const verify = await miglint(cwd, ['verify', 'supabase/migrations']);
  expect(verify.stdout).toContain('The baseline builds the same database as the chain.');
  expect(verify.stdout).not.toContain('[security]');
  expect(verify.status).toBe(0);
}
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** What supabase/postgres's migrations do to the platform: grants on everything in its schemas, and cron grants under "pg_cron is installed". */
const CHAIN = {
  '20211115181400_update-auth-permissions.sql': `-- migrate:up
GRANT ALL ON ALL TABLES IN SCHEMA auth TO postgres, dashboard_user;
GRANT ALL ON ALL ROUTINES IN SCHEMA auth TO dashboard_user;
REVOKE ALL ON ALL TABLES IN SCHEMA storage FROM anon;

-- migrate:down
`,
  '20220713082019_pg_cron-perms-fix.sql': `-- migrate:up
DO $$
DECLARE
  pg_cron_installed boolean;
BEGIN
  pg_cron_installed = (
    select count(*) = 1
    from pg_available_extensions
    where name = 'pg_cron'
    and installed_version is not null
  );

  IF pg_cron_installed
  THEN
    grant usage on schema cron to postgres with grant option;
    alter default privileges in schema cron grant all on tables to postgres with grant option;
  END IF;
END $$;

do $$
begin
  if exists (select from pg_extension where extname = 'pg_cron') then
    revoke all on table cron.job from postgres;
  end if;
end $$;

-- migrate:down
`,
};

describe('verify with the supabase preset: what a chain does to the platform', () => {
  it(
    'carries GRANT / REVOKE on all objects of a platform schema as written, and skips what a "pg_cron installed" guard holds, as PostgreSQL does',
    async () => {
      const dir = writeFolder(CHAIN);
      folders.push(dir);
      const analysis = await analyze(dir, { cache: false, preset: 'supabase' });
      const baseline = emitBaseline(analysis, { includeData: false });
      expect(baseline).toContain('GRANT ALL ON ALL TABLES IN SCHEMA auth TO postgres, dashboard_user;');
      expect(baseline).toContain('GRANT ALL ON ALL ROUTINES IN SCHEMA auth TO dashboard_user;');
      expect(baseline).toContain('REVOKE ALL ON ALL TABLES IN SCHEMA storage FROM anon;');
      expect(baseline).not.toMatch(/cron/i);
      const report = await verify({ files: analysis.files, baseline: { name: 'baseline', text: baseline }, preset: analysis.preset });
      expect(report.chainRejections).toEqual([]);
      expect(report.baselineRejections).toEqual([]);
      expect(report.differences.map((difference) => difference.message)).toEqual([]);
    },
    180_000,
  );

  it(
    'carries GRANT on all objects of a platform schema the chain also creates IF NOT EXISTS (found on supabase/postgres: realtime.messages)',
    async () => {
      const cwd = fileURLToPath(new URL('../fixtures/platform-schema-grants', import.meta.url));
      expect(await baselineFromCreateSchema(cwd)).toBe(
        [
          'CREATE SCHEMA IF NOT EXISTS realtime;',
          '',
          '-- ----------------------------------------------------------------------------',
          '-- Tables, phase 1: tables that reference no other table',
          '-- ----------------------------------------------------------------------------',
          '',
          '-- realtime.rooms: created at 20240101000000_realtime_grants.sql:2',
          'CREATE TABLE realtime.rooms (',
          '  id bigint NOT NULL,',
          '  CONSTRAINT rooms_pkey PRIMARY KEY (id)',
          ');',
          '',
          '-- ----------------------------------------------------------------------------',
          '-- Carried as written: statements on platform objects, and statements the model does not interpret',
          '-- ----------------------------------------------------------------------------',
          '',
          '-- 20240101000000_realtime_grants.sql:3',
          'GRANT ALL ON ALL TABLES IN SCHEMA realtime TO dashboard_user;',
          '',
          '-- 20240101000000_realtime_grants.sql:4',
          'GRANT ALL ON ALL ROUTINES IN SCHEMA realtime TO dashboard_user;',
          '',
          '-- ----------------------------------------------------------------------------',
          '-- Grants and revokes',
          '-- ----------------------------------------------------------------------------',
          '',
          'GRANT ALL ON TABLE realtime.rooms TO dashboard_user;',
          '',
        ].join('\n'),
      );
      // Without the carried statements the baseline missed 11 grants on realtime.messages, send(), topic() and broadcast_changes().
      await expectVerifiedEqual(cwd);
    },
    180_000,
  );

  it(
    'revokes after a carried GRANT on all objects of a platform schema what it gives the objects the chain created later, keeps what the chain granted them, and gives back what a carried REVOKE took',
    async () => {
      const cwd = fileURLToPath(new URL('../fixtures/platform-schema-grants-later', import.meta.url));
      expect(await baselineFromCreateSchema(cwd)).toBe(
        [
          'CREATE SCHEMA IF NOT EXISTS realtime;',
          '',
          '-- ----------------------------------------------------------------------------',
          '-- Sequences',
          '-- ----------------------------------------------------------------------------',
          '',
          'CREATE SEQUENCE auth.later_seq;',
          '',
          '-- ----------------------------------------------------------------------------',
          '-- Tables, phase 1: tables that reference no other table',
          '-- ----------------------------------------------------------------------------',
          '',
          '-- auth.later: created at 20240101000000_grant_then_create.sql:4',
          'CREATE TABLE auth.later (',
          '  id integer',
          ');',
          '',
          '-- auth.kept: created at 20240101000000_grant_then_create.sql:5',
          'CREATE TABLE auth.kept (',
          '  id integer',
          ');',
          '',
          '-- realtime.later: created at 20240101000000_grant_then_create.sql:12',
          'CREATE TABLE realtime.later (',
          '  id integer',
          ');',
          '',
          '-- auth.by_default: created at 20240101000000_grant_then_create.sql:15',
          'CREATE TABLE auth.by_default (',
          '  id integer',
          ');',
          '',
          '-- ----------------------------------------------------------------------------',
          '-- Functions and procedures',
          '-- ----------------------------------------------------------------------------',
          '',
          'CREATE FUNCTION auth.later_fn()',
          'RETURNS integer',
          'LANGUAGE sql',
          'AS $$SELECT 1$$;',
          '',
          'CREATE FUNCTION auth.after_revoke()',
          'RETURNS integer',
          'LANGUAGE sql',
          'AS $$SELECT 2$$;',
          '',
          '-- ----------------------------------------------------------------------------',
          '-- Carried as written: statements on platform objects, and statements the model does not interpret',
          '-- ----------------------------------------------------------------------------',
          '',
          '-- 20240101000000_grant_then_create.sql:1',
          'GRANT ALL ON ALL TABLES IN SCHEMA auth TO dashboard_user;',
          '',
          '-- 20240101000000_grant_then_create.sql:2',
          'GRANT ALL ON ALL SEQUENCES IN SCHEMA auth TO dashboard_user;',
          '',
          '-- 20240101000000_grant_then_create.sql:3',
          'GRANT ALL ON ALL ROUTINES IN SCHEMA auth TO dashboard_user;',
          '',
          '-- 20240101000000_grant_then_create.sql:10',
          'GRANT ALL ON ALL TABLES IN SCHEMA realtime TO dashboard_user;',
          '',
          '-- 20240101000000_grant_then_create.sql:11',
          'GRANT SELECT ON ALL TABLES IN SCHEMA realtime TO anon WITH GRANT OPTION;',
          '',
          '-- 20240102000000_revoke_then_create.sql:1',
          'REVOKE ALL ON ALL FUNCTIONS IN SCHEMA auth FROM PUBLIC;',
          '',
          '-- ----------------------------------------------------------------------------',
          '-- Grants and revokes',
          '-- ----------------------------------------------------------------------------',
          '',
          'REVOKE ALL ON TABLE auth.later FROM dashboard_user;',
          'REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN ON TABLE auth.kept FROM dashboard_user;',
          'GRANT SELECT ON TABLE auth.kept TO dashboard_user;',
          'REVOKE ALL ON TABLE realtime.later FROM dashboard_user;',
          'REVOKE GRANT OPTION FOR SELECT ON TABLE realtime.later FROM anon;',
          'GRANT SELECT ON TABLE realtime.later TO anon;',
          'REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN ON TABLE auth.by_default FROM dashboard_user;',
          'GRANT SELECT ON TABLE auth.by_default TO dashboard_user;',
          'REVOKE ALL ON SEQUENCE auth.later_seq FROM dashboard_user;',
          'REVOKE ALL ON FUNCTION auth.later_fn() FROM dashboard_user;',
          'REVOKE ALL ON FUNCTION auth.after_revoke() FROM dashboard_user;',
          'GRANT ALL ON FUNCTION auth.after_revoke() TO PUBLIC;',
          '',
          '-- ----------------------------------------------------------------------------',
          '-- Default privileges for objects created later',
          '-- ----------------------------------------------------------------------------',
          '',
          'ALTER DEFAULT PRIVILEGES IN SCHEMA auth GRANT SELECT ON TABLES TO dashboard_user;',
          '',
        ].join('\n'),
      );
      // Without the REVOKEs the baseline gave dashboard_user 35 privileges the chain never gave (8 on auth.later and on
      // realtime.later, 7 on auth.kept and on auth.by_default, 3 on auth.later_seq, 1 on auth.later_fn() and on auth.after_revoke()),
      // anon SELECT on realtime.later with grant option, and it left out PUBLIC's EXECUTE on auth.after_revoke(), which the carried
      // REVOKE took away though the chain made the function after it.
      await expectVerifiedEqual(cwd);
    },
    180_000,
  );
});
