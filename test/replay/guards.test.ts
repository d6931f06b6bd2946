import { describe, expect, it } from 'vitest';
import { replayFolder } from './support.js';

/** The tables a folder ends with, after `001_setup.sql` and `002_guarded.sql` (a DO block). */
async function tablesAfter(guarded: string, setup = 'create extension if not exists citext;\n'): Promise<string[]> {
  const { schema } = await replayFolder({ '001_setup.sql': setup, '002_guarded.sql': guarded });
  return [...schema.tables.keys()];
}

const block = (body: string, declare = '') => `DO $$\n${declare ? `DECLARE\n${declare}\n` : ''}BEGIN\n${body}\nEND $$;\n`;

describe('DO block guards on installed extensions', () => {
  it('evaluates EXISTS over pg_extension: extensions the chain created are installed, others are not', async () => {
    const guarded = block(`
  IF EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_cron') THEN
    CREATE TABLE cron_on (id int);
  END IF;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citext') THEN
    CREATE TABLE citext_on (id int);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_extension e WHERE e.extname = 'pg_net') THEN
    CREATE TABLE net_off (id int);
  ELSE
    CREATE TABLE net_on (id int);
  END IF;`);
    expect(await tablesAfter(guarded)).toEqual(['public.citext_on', 'public.net_off']);
  });

  it('sees an extension dropped earlier as gone, and one a platform may install (pgcrypto) as unknown: both branches replayed', async () => {
    const guarded = block(`
  IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citext') THEN
    CREATE TABLE citext_on (id int);
  END IF;
  IF EXISTS (SELECT FROM pg_extension WHERE extname = 'pgcrypto') THEN
    CREATE TABLE crypto_on (id int);
  ELSE
    CREATE TABLE crypto_off (id int);
  END IF;`);
    expect(await tablesAfter(guarded, 'create extension citext;\ndrop extension citext;\n')).toEqual(['public.crypto_on', 'public.crypto_off']);
  });

  it('compares counts: (SELECT count(*) FROM pg_extension WHERE ...) > 0, and count(*) = 1 over pg_available_extensions with installed_version IS NOT NULL', async () => {
    const guarded = block(`
  IF (SELECT count(*) FROM pg_extension WHERE extname = 'citext') > 0 THEN
    CREATE TABLE citext_counted (id int);
  END IF;
  IF (SELECT count(*) = 1 FROM pg_available_extensions WHERE name = 'pg_cron' AND installed_version IS NOT NULL) THEN
    CREATE TABLE cron_available (id int);
  END IF;
  IF (SELECT count(*) = 1 FROM pg_available_extensions WHERE name = 'citext' AND installed_version IS NOT NULL) THEN
    CREATE TABLE citext_available (id int);
  END IF;`);
    expect(await tablesAfter(guarded)).toEqual(['public.citext_counted', 'public.citext_available']);
  });

  it('leaves pg_available_extensions without installed_version unknown: whether an extension is available depends on the server', async () => {
    const guarded = block(`
  IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pg_cron') THEN
    CREATE TABLE cron_available (id int);
  END IF;`);
    expect(await tablesAfter(guarded)).toEqual(['public.cron_available']);
  });
});

describe('DO block guards held in PL/pgSQL variables', () => {
  it('evaluates a variable assigned once with = or := from an evaluable query (supabase/postgres pg_cron-pg_net-temp-perms-fix)', async () => {
    const guarded = block(
      `
  pg_cron_installed = (
    select count(*) = 1
    from pg_available_extensions
    where name = 'pg_cron'
    and installed_version is not null
  );
  citext_installed := exists (select from pg_extension where extname = 'citext');
  IF pg_cron_installed THEN
    CREATE TABLE cron_on (id int);
  END IF;
  IF citext_installed THEN
    CREATE TABLE citext_on (id int);
  END IF;`,
      '  pg_cron_installed boolean;\n  citext_installed boolean;',
    );
    expect(await tablesAfter(guarded)).toEqual(['public.citext_on']);
  });

  it('evaluates SELECT ... INTO a variable (EXISTS or count) and a DECLARE default', async () => {
    const guarded = block(
      `
  SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') INTO found_cron;
  SELECT count(*) INTO citext_count FROM pg_extension WHERE extname = 'citext';
  IF found_cron THEN
    CREATE TABLE cron_on (id int);
  END IF;
  IF citext_count > 0 THEN
    CREATE TABLE citext_on (id int);
  END IF;
  IF NOT net_installed THEN
    CREATE TABLE net_off (id int);
  END IF;`,
      "  found_cron boolean;\n  citext_count int;\n  net_installed boolean := exists (select from pg_extension where extname = 'pg_net');",
    );
    expect(await tablesAfter(guarded)).toEqual(['public.citext_on', 'public.net_off']);
  });

  it('evaluates the variable where it is assigned: an extension created after the assignment does not change it', async () => {
    const guarded = block(
      `
  installed := exists (select from pg_extension where extname = 'hstore');
  CREATE EXTENSION hstore;
  IF installed THEN
    CREATE TABLE hstore_was_on (id int);
  ELSE
    CREATE TABLE hstore_was_off (id int);
  END IF;`,
      '  installed boolean;',
    );
    expect(await tablesAfter(guarded)).toEqual(['public.hstore_was_off']);
  });

  it('keeps a variable assigned twice, in a loop or under an unknown guard unknown: every branch is replayed, as before', async () => {
    const guarded = block(
      `
  twice := false;
  twice := exists (select from pg_extension where extname = 'pg_cron');
  FOR i IN 1..2 LOOP
    in_loop := false;
  END LOOP;
  IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pg_cron') THEN
    under_guard := false;
  END IF;
  IF twice THEN
    CREATE TABLE twice_on (id int);
  END IF;
  IF in_loop THEN
    CREATE TABLE loop_on (id int);
  END IF;
  IF under_guard THEN
    CREATE TABLE guard_on (id int);
  END IF;`,
      '  twice boolean;\n  in_loop boolean;\n  under_guard boolean;',
    );
    expect(await tablesAfter(guarded)).toEqual(['public.twice_on', 'public.loop_on', 'public.guard_on']);
  });
});

describe('DO blocks that build their statements and RETURN early', () => {
  it('runs an EXECUTE of text built from known parts (||, format %I/%L, concat, quote_ident) as the statement it builds', async () => {
    const guarded = block(
      `
  EXECUTE 'CREATE TABLE ' || prefix || '_a (id int)';
  EXECUTE format('CREATE TABLE %I (note text DEFAULT %L)', prefix || '_B', 'it''s');
  EXECUTE concat('CREATE TABLE ', quote_ident(prefix || '_c'), ' (id int)');
  EXECUTE 'CREATE TABLE ' || missing_setting || ' (id int)';`,
      "  prefix text = COALESCE(current_setting('app.prefix', true), 'app');\n  missing_setting text = current_setting('app.table');",
    );
    expect(await tablesAfter(guarded)).toEqual(['public.app_a', 'public.app_B', 'public.app_c']);
  });

  it('stops at a RETURN it can tell is taken, and treats what follows a RETURN under an unknown condition as guarded', async () => {
    const taken = block(`
  IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citext') THEN
    RETURN;
  END IF;
  CREATE TABLE after_return (id int);`);
    expect(await tablesAfter(taken)).toEqual([]);
    const { history } = await replayFolder({
      '001_setup.sql': 'create table t (c int);\n',
      '002_guarded.sql': block(`
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'admin') THEN
    RETURN;
  END IF;
  ALTER TABLE t ADD COLUMN c int;`),
    });
    const column = history.find((event) => event.action === 'noop' || event.action === 'error');
    expect(column && 'reason' in column ? [column.action, column.reason.code] : null).toEqual(['noop', 'guarded']);
  });
});
