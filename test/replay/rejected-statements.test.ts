import { describe, expect, it } from 'vitest';
import { emitBaseline } from '../../src/baseline/index.js';
import { describeEvents, replayFolder } from './support.js';

describe('a statement PostgreSQL rejects changes nothing', () => {
  it('does not create a table whose foreign key, check or referenced key PostgreSQL rejects', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': [
        'create table early (id int, org_id int references orgs (id));',
        'create table orgs (id int primary key, code text);',
        'create table checked (id int, n int check (n > (select 1)));',
        'create table by_code (id int, code text references orgs (code));',
        'create table by_nothing (id int, x int references orgs (nope));',
        'create table feedback (id int, user_id int references users (id));',
        'create index early_idx on early (org_id);',
        '',
      ].join('\n'),
    });
    expect(describeEvents(history, ['error'])).toEqual([
      'error table public.early: relation "public.orgs" does not exist; CREATE TABLE "public.early" fails as a whole: the table is not created @001_a.sql:1',
      'error table public.checked: cannot use subquery in check constraint; CREATE TABLE "public.checked" fails as a whole: the table is not created @001_a.sql:3',
      'error table public.by_code: there is no unique constraint matching given keys for referenced table "orgs"; CREATE TABLE "public.by_code" fails as a whole: the table is not created @001_a.sql:4',
      'error table public.by_nothing: column "nope" referenced in foreign key constraint does not exist; CREATE TABLE "public.by_nothing" fails as a whole: the table is not created @001_a.sql:5',
      'error index public.early: relation "public.early" does not exist @001_a.sql:7',
    ]);
    // `users` is created by no file: made outside the folder, the model cannot say it is missing.
    expect([...schema.tables.keys()]).toEqual(['public.orgs', 'public.feedback']);
    expect([...schema.indexes.keys()]).toEqual(['public.orgs_pkey']);
  });

  it('applies no part of an ALTER TABLE when one of its constraints is rejected', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': 'create table t (id int);\ncreate table gone (id int primary key);\ndrop table gone;\nalter table t add column x int, add constraint t_x_fkey foreign key (x) references gone (id);\n',
    });
    expect(describeEvents(history, ['error'])).toEqual([
      'error table public.t: relation "public.gone" does not exist; ALTER TABLE "public.t" fails as a whole: nothing of it applies @001_a.sql:4',
    ]);
    expect(schema.tables.get('public.t')!.columns.map((column) => column.name)).toEqual(['id']);
  });
});

describe('foreign keys keep what pg_get_constraintdef shows', () => {
  it('DEFERRABLE, INITIALLY DEFERRED, MATCH FULL, NOT VALID until VALIDATE, and the primary key for REFERENCES t', async () => {
    const { schema } = await replayFolder({
      '001_a.sql': [
        'create table a (id int primary key, k int unique);',
        'create table b (id int references a deferrable initially deferred, x int, c int, foreign key (x) references a (id) match full not valid);',
        'alter table b add constraint b_c_fkey foreign key (c) references a (k) not valid, add constraint c_positive check (c > 0) not valid;',
        'alter table b validate constraint c_positive;',
        '',
      ].join('\n'),
    });
    const constraints = schema.tables.get('public.b')!.constraints.map(({ name, references, deferrable, initiallyDeferred, notValid }) => ({
      name,
      columns: references?.columns,
      match: references?.match,
      deferrable,
      initiallyDeferred,
      notValid,
    }));
    expect(constraints).toEqual([
      { name: 'b_id_fkey', columns: ['id'], match: undefined, deferrable: true, initiallyDeferred: true, notValid: undefined },
      { name: 'b_x_fkey', columns: ['id'], match: 'FULL', deferrable: undefined, initiallyDeferred: undefined, notValid: undefined },
      { name: 'b_c_fkey', columns: ['k'], match: undefined, deferrable: undefined, initiallyDeferred: undefined, notValid: true },
      { name: 'c_positive', columns: undefined, match: undefined, deferrable: undefined, initiallyDeferred: undefined, notValid: undefined },
    ]);
  });
});

describe('dropping a key that foreign keys rely on', () => {
  it('is refused without CASCADE and takes the foreign keys with it otherwise', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': 'create table flags (key text primary key unique);\ncreate table variants (flag_key text references flags);\nalter table flags drop constraint flags_pkey;\nalter table flags drop constraint flags_pkey cascade;\n',
    });
    expect(describeEvents(history, ['error'])).toEqual([
      'error constraint public.flags.flags_pkey: cannot drop constraint "flags_pkey" on "public.flags" because constraint "variants_flag_key_fkey" on "variants" depend(s) on it (use CASCADE) @001_a.sql:3',
    ]);
    expect(schema.tables.get('public.flags')!.constraints).toEqual([]);
    expect(schema.tables.get('public.variants')!.constraints).toEqual([]);
  });
});

describe('views over relations missing at that point', () => {
  it('are not created when the chain creates the relation later; a relation no file creates is assumed to exist', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': [
        'create materialized view if not exists early as select id from goals;',
        'create view outside as with recent as (select 1 as id) select recent.id from recent, legacy_users;',
        'create table goals (id int);',
        'create view late as select id from goals;',
        '',
      ].join('\n'),
    });
    expect(describeEvents(history, ['error'])).toEqual([
      'error view public.early: relation "public.goals" does not exist; materialized view "public.early" is not created @001_a.sql:1',
    ]);
    expect([...schema.views.keys()]).toEqual(['public.outside', 'public.late']);
  });
});

describe('a DO block whose loop names a relation missing at that point', () => {
  it('fails as a whole: it is an error, not a statement kept for the baseline', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': "do $$\ndeclare t regclass;\nbegin\n  for t in select unnest(array['accounts'::regclass]) loop\n    execute format('create policy %I_read on %s for select using (true)', t::text, t::text);\n  end loop;\nend $$;\ncreate table accounts (id int);\n",
    });
    expect(describeEvents(history, ['error', 'uninterpreted'])).toEqual([
      'error table public.accounts: relation "public.accounts" does not exist; the DO block fails as a whole @001_a.sql:1',
    ]);
    expect(schema.uninterpreted).toEqual([]);
  });
});

describe('what PostgreSQL rejects in a column, a constraint or a function changes nothing (issue 10)', () => {
  it('a CHECK, key or foreign key on a column the table does not have, a table referencing one created later, an extension type before its extension', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': [
        'create table t (id int primary key, c text);',
        'alter table t add constraint t_c check (nope > 0);',
        'alter table t add column n int, add constraint t_n check (n > 0);',
        'create table o (id int primary key, x int references later (id));',
        'create table u (id int, unique (missing));',
        'create table k (id int check (t.id > 0));',
        'alter table t alter column c type citext;',
        'create table e (id int, email citext);',
        'create extension citext;',
        'alter table t alter column c type citext;',
        'create table later (id int primary key);',
        '',
      ].join('\n'),
    });
    expect(describeEvents(history, ['error'])).toEqual([
      'error table public.t: column "nope" does not exist; ALTER TABLE "public.t" fails as a whole: nothing of it applies @001_a.sql:2',
      'error table public.o: relation "public.later" does not exist; CREATE TABLE "public.o" fails as a whole: the table is not created @001_a.sql:4',
      'error table public.u: column "missing" named in key does not exist; CREATE TABLE "public.u" fails as a whole: the table is not created @001_a.sql:5',
      'error table public.k: missing FROM-clause entry for table "t"; CREATE TABLE "public.k" fails as a whole: the table is not created @001_a.sql:6',
      'error table public.t: type "citext" does not exist (it comes with extension "citext", which no earlier statement creates); ALTER TABLE "public.t" fails as a whole: nothing of it applies @001_a.sql:7',
      'error table public.e: type "citext" does not exist (it comes with extension "citext", which no earlier statement creates); CREATE TABLE "public.e" fails as a whole: the table is not created @001_a.sql:8',
    ]);
    expect([...schema.tables.keys()]).toEqual(['public.t', 'public.later']);
    const table = schema.tables.get('public.t')!;
    expect(table.constraints.map((constraint) => constraint.name)).toEqual(['t_pkey', 't_n']);
    expect(table.columns.map((column) => `${column.name} ${column.type}`)).toEqual(['id integer', 'c citext', 'n integer']);
  });

  it('a function whose input parameter after one with a default has none', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': 'create function f(a int default 1, b int) returns int language sql as $$ select 1 $$;\ncreate function g(a int default 1, out b int, c int default 2) language sql as $$ select 1 $$;\n',
    });
    expect(describeEvents(history, ['error'])).toEqual(['error function public.f(integer, integer): input parameters after one with a default value must also have defaults @001_a.sql:1']);
    expect([...schema.functions.keys()]).toEqual(['public.g(integer, integer)']);
  });
});

describe('a file its runner applies in one transaction applies nothing when PostgreSQL rejects a statement in it (issue 10)', () => {
  const folder = (annotation = '') => ({
    '20240101000000_a.sql': `-- +goose Up\n${annotation}create table a (id int primary key);\n`,
    '20240102000000_b.sql': `-- +goose Up\n${annotation}create table b (id int primary key);\nalter table a add constraint a_c check (nope > 0);\ncreate table c (id int);\n`,
    '20240103000000_c.sql': `-- +goose Up\n${annotation}create table b (id int primary key, a_id int references a);\n`,
  });

  it('goose: the rejected file is undone, the next file sees the state before it, and the rejection says so', async () => {
    const { schema, history } = await replayFolder(folder());
    expect(describeEvents(history, ['error'])).toEqual([
      'error table public.a: column "nope" does not exist; ALTER TABLE "public.a" fails as a whole: nothing of it applies @20240102000000_b.sql:3',
    ]);
    expect(history.find((event) => event.action === 'error')!.rolledBack).toEqual({ undone: 1, notRun: 1 });
    expect(history.filter((event) => event.action === 'create' && event.objectType === 'table').map((event) => `${event.name} @${event.origin.path}`)).toEqual([
      'public.a @20240101000000_a.sql',
      'public.b @20240103000000_c.sql',
    ]);
    expect([...schema.tables.keys()]).toEqual(['public.a', 'public.b']);
  });

  it('goose: several undone files, each replayed from the state before it', async () => {
    const up = (sql: string) => `-- +goose Up\n${sql}\n`;
    const { schema, history } = await replayFolder({
      '20240101000000_a.sql': up('create table a (id int primary key);'),
      '20240102000000_b.sql': up('alter table a add column b int;\nalter table a add constraint a_b check (nope > 0);'),
      '20240103000000_c.sql': up('alter table a add column c int;\ncreate table c (id int primary key, a_id int references a);'),
      '20240104000000_d.sql': up('alter table a add column d int;\ncreate function f(x int default 1, y int) returns int language sql as $$ select 1 $$;'),
      '20240105000000_e.sql': up('alter table a add column e int;'),
    });
    expect(describeEvents(history, ['error']).map((line) => line.replace(/:.*@/, ' @'))).toEqual(['error table public.a @20240102000000_b.sql:3', 'error function public.f(integer, integer) @20240104000000_d.sql:3']);
    expect(schema.tables.get('public.a')!.columns.map((column) => column.name)).toEqual(['id', 'c', 'e']);
    expect([...schema.tables.keys()]).toEqual(['public.a', 'public.c']);
    expect(history.filter((event) => event.action === 'alter' && event.member !== null).map((event) => `${event.member} @${event.origin.path}`)).toEqual(['c @20240103000000_c.sql', 'e @20240105000000_e.sql']);
  });

  it('goose: a file marked NO TRANSACTION keeps what ran before the rejected statement', async () => {
    const { schema, history } = await replayFolder(folder('-- +goose NO TRANSACTION\n'));
    expect(history.find((event) => event.action === 'error')!.rolledBack).toBeUndefined();
    expect([...schema.tables.keys()]).toEqual(['public.a', 'public.b', 'public.c']);
  });
});

describe('a file its runner applies in one transaction, with text that does not parse', () => {
  it('applies nothing: the rejection is recorded at the text, with the statements around it', async () => {
    const { schema, history } = await replayFolder({
      '20240101000000_init.sql': '-- migrate:up\ncreate table a (id int);\ncreat table b (id int);\ncreate table c (id int);\n\n-- migrate:down\ndrop table a;\n',
      '20240102000000_next.sql': '-- migrate:up\ncreate table d (id int);\n',
    });
    expect(describeEvents(history, ['error'])).toEqual(['error other : syntax error at or near "creat" @20240101000000_init.sql:3']);
    expect(history.find((event) => event.action === 'error')!.rolledBack).toEqual({ undone: 1, notRun: 1 });
    expect([...schema.tables.keys()]).toEqual(['public.d']);
  });
});

describe('a foreign key to a table created later (issue 10)', () => {
  it('is rejected the same way whether the later CREATE is top-level or inside a DO block', async () => {
    const later = 'create table r (id int primary key);';
    const folders = [later, `do $$ begin ${later} end $$;`].map((create) => ({
      '001_a.sql': `create table q (id int, r_id int references r (id));\n${create}\n`,
    }));
    const [topLevel, inDoBlock] = await Promise.all(folders.map((folder) => replayFolder(folder)));
    for (const { schema, history } of [topLevel!, inDoBlock!]) {
      expect(describeEvents(history, ['error'])).toEqual([
        'error table public.q: relation "public.r" does not exist; CREATE TABLE "public.q" fails as a whole: the table is not created @001_a.sql:1',
      ]);
      expect([...schema.tables.keys()]).toEqual(['public.r']);
    }
  });
});

describe('a trigger created twice on a platform relation (auth.users under the supabase preset)', () => {
  const created = 'create function public.handle_new_user() returns trigger language plpgsql as $$ begin return new; end $$;\n';
  const trigger = 'create trigger on_auth_user_created after insert on auth.users for each row execute function public.handle_new_user();\n';

  it('is rejected the second time: the Supabase CLI undoes that file, and the baseline creates the trigger once', async () => {
    const analysis = await replayFolder({
      'supabase/migrations/20240101000000_a.sql': created + trigger,
      'supabase/migrations/20240102000000_b.sql': `create table notes (id int primary key);\n${trigger}`,
    });
    expect(describeEvents(analysis.history, ['error']).filter((line) => !line.includes('does not exist'))).toEqual([
      'error trigger auth.users.on_auth_user_created: trigger "on_auth_user_created" for relation "auth.users" already exists (created at supabase/migrations/20240101000000_a.sql:2) @supabase/migrations/20240102000000_b.sql:2',
    ]);
    expect([...analysis.schema.tables.keys()]).toEqual([]);
    const baseline = emitBaseline(analysis, { includeData: false });
    expect(baseline.match(/create trigger on_auth_user_created/g)).toHaveLength(1);
  });

  it('is not rejected after a DROP TRIGGER on that relation, nor as CREATE OR REPLACE', async () => {
    const { history } = await replayFolder({
      'supabase/migrations/20240101000000_a.sql': created + trigger,
      'supabase/migrations/20240102000000_b.sql': `drop trigger if exists on_auth_user_created on auth.users;\n${trigger}${trigger.replace('create trigger', 'create or replace trigger')}`,
    });
    expect(history.filter((event) => event.knownRejection)).toEqual([]);
  });
});
