import { describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { changeText } from '../../src/replay/model.js';
import { describeEvents, replayFolder } from './support.js';

describe('IF [NOT] EXISTS and statements PostgreSQL would reject', () => {
  it('records a no-op for IF NOT EXISTS and an error with its location otherwise', async () => {
    const { history } = await replayFolder({
      '001_a.sql': 'create table t (id int);\ncreate table if not exists t (id int);\ncreate table t (id int);\n',
      '002_b.sql': 'alter table t add column if not exists id int;\nalter table t drop column nope;\ndrop index if exists t_idx;\n',
    });
    expect(describeEvents(history, ['noop', 'error'])).toEqual([
      'noop table public.t: table "public.t" already exists (created at 001_a.sql:1); CREATE TABLE IF NOT EXISTS did nothing @001_a.sql:2',
      'error table public.t: table "public.t" already exists (created at 001_a.sql:1) @001_a.sql:3',
      'noop column public.t.id: column "id" of relation "public.t" already exists (added at 001_a.sql:1) @002_b.sql:1',
      'error column public.t.nope: column "nope" of relation "public.t" does not exist @002_b.sql:2',
      'noop index public.t_idx: index "public.t_idx" does not exist @002_b.sql:3',
    ]);
  });
});

describe('DROP ... RESTRICT and CASCADE', () => {
  const setup = `create table parents (id int primary key);
create table kids (id int, parent_id int references parents (id));
create view parent_ids as select id from parents;
create function f() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger kids_f before insert on kids for each row execute function f();
`;
  it('refuses a plain DROP when something depends on the object', async () => {
    const { schema, history } = await replayFolder({ '001_a.sql': setup, '002_b.sql': 'drop table parents;\ndrop function f();\n' });
    expect(describeEvents(history, ['error'])).toEqual([
      'error table public.parents: cannot drop table public.parents because other objects depend on it (view public.parent_ids, constraint kids_parent_id_fkey on table public.kids); use DROP ... CASCADE @002_b.sql:1',
      'error function public.f(): cannot drop function public.f() because other objects depend on it (trigger kids_f on table public.kids); use DROP ... CASCADE @002_b.sql:2',
    ]);
    expect([...schema.tables.keys()]).toEqual(['public.parents', 'public.kids']);
  });

  it('takes dependent constraints, views and triggers along with CASCADE', async () => {
    const { schema } = await replayFolder({ '001_a.sql': setup, '002_b.sql': 'drop table parents cascade;\ndrop function f() cascade;\n' });
    expect([...schema.tables.keys()]).toEqual(['public.kids']);
    expect(schema.tables.get('public.kids')!.constraints).toEqual([]);
    expect(schema.tables.get('public.kids')!.triggers).toEqual([]);
    expect([...schema.views.keys()]).toEqual([]);
    expect([...schema.functions.keys()]).toEqual([]);
  });
});

describe('DROP follows what pg_depend records', () => {
  const setup = `create extension citext;
create type user_role as enum ('admin', 'user');
create table users (id int primary key, role user_role, email citext);
create table posts (id int, author int);
alter table posts enable row level security;
create policy by_users on posts using (exists (select 1 from users u where u.id = author));
create function roles() returns table(r user_role) language sql as $$ select 'admin'::user_role $$;
create function quoted_body() returns bigint language sql as $$ select count(*) from users $$;
create function atomic_body() returns bigint language sql begin atomic select count(*) from users; end;
`;
  it('refuses a plain DROP of a table, type or extension something depends on, and changes nothing', async () => {
    const { schema, history } = await replayFolder({ '001_a.sql': setup, '002_b.sql': 'drop table users;\ndrop type user_role;\ndrop extension citext;\n' });
    expect(describeEvents(history, ['error'])).toEqual([
      'error table public.users: cannot drop table public.users because other objects depend on it (policy by_users on table public.posts, function public.atomic_body()); use DROP ... CASCADE @002_b.sql:1',
      'error type public.user_role: cannot drop type public.user_role because other objects depend on it (column role of table public.users, function public.roles()); use DROP ... CASCADE @002_b.sql:2',
      'error extension citext: cannot drop extension citext because other objects depend on it (column email of table public.users); use DROP ... CASCADE @002_b.sql:3',
    ]);
    expect([...schema.tables.keys()]).toEqual(['public.users', 'public.posts']);
    expect([...schema.types.keys()]).toEqual(['public.user_role']);
    expect([...schema.functions.keys()]).toEqual(['public.roles()', 'public.quoted_body()', 'public.atomic_body()']);
  });

  it('takes the policy reading the table, the functions whose signature or SQL-standard body uses it, and the columns of the type with CASCADE', async () => {
    const { schema } = await replayFolder({ '001_a.sql': setup, '002_b.sql': 'drop table users cascade;\ndrop type user_role cascade;\n' });
    expect([...schema.tables.keys()]).toEqual(['public.posts']);
    expect(schema.tables.get('public.posts')!.policies).toEqual([]);
    expect([...schema.types.keys()]).toEqual([]);
    expect([...schema.functions.keys()]).toEqual(['public.quoted_body()']);
  });

  it('drops tables listed together when their only dependents are in the same list', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': 'create table a (id int primary key);\ncreate table b (a_id int references a (id));\n',
      '002_b.sql': 'drop table a, b;\n',
    });
    expect(describeEvents(history, ['error'])).toEqual([]);
    expect([...schema.tables.keys()]).toEqual([]);
  });
});

describe('DROP COLUMN', () => {
  it('refuses when a view or policy reads the column, and drops them with CASCADE', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': 'create table t (id int, a text, b text);\ncreate view va as select a from t;\ncreate view vb as select b from t;\ncreate policy pa on t using (a <> \'\');\n',
      '002_b.sql': 'alter table t drop column a;\nalter table t alter column a type varchar(5);\nalter table t drop column a cascade;\n',
    });
    expect(describeEvents(history, ['error'])).toEqual([
      'error column public.t.a: cannot drop column a of table public.t because other objects depend on it (view public.va, policy pa on table public.t) @002_b.sql:1',
      'error column public.t.a: cannot alter type of a column used by a view: "a" of "public.t" is read by "public.va" @002_b.sql:2',
    ]);
    expect([...schema.views.keys()]).toEqual(['public.vb']);
    expect(schema.tables.get('public.t')!.policies).toEqual([]);
    expect(schema.tables.get('public.t')!.columns.map((column) => column.name)).toEqual(['id', 'b']);
  });
});

describe('renames carry every reference along', () => {
  it('keeps the table id and moves foreign keys, indexes, views, policies and grants', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': `create table accounts (id int primary key, name text);
create table posts (id int, account_id int references accounts (id));
create index accounts_name_idx on accounts (name);
create view account_names as select name from accounts;
create policy read_all on accounts for select using (true);
grant select on accounts to app_user;
`,
      '002_b.sql': 'alter table accounts rename to members;\nalter table members rename column name to full_name;\n',
    });
    const members = schema.tables.get('public.members')!;
    expect(members.id).toBe(1);
    expect(members.policies.map((policy) => policy.name)).toEqual(['read_all']);
    expect(members.columns.map((column) => column.name)).toEqual(['id', 'full_name']);
    expect(schema.tables.get('public.posts')!.constraints[0]!.references).toEqual({ table: 'public.members', columns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' });
    expect(schema.indexes.get('public.accounts_name_idx')).toMatchObject({ table: 'public.members', keys: ['full_name'] });
    expect(schema.views.get('public.account_names')!.dependsOn).toEqual(['public.members']);
    expect(schema.grants.filter((grant) => !grant.implicit).map((grant) => `${grant.privilege} ${grant.object} ${grant.grantee}`)).toEqual(['SELECT public.members app_user']);
    expect(history.filter((event) => event.tableId === 1).map((event) => `${event.action} ${event.objectType}`)).toEqual([
      'create table',
      'create index',
      'create policy',
      'rename table',
      'rename column',
    ]);
  });
});

describe('functions are keyed by signature', () => {
  it('keeps overloads apart, replaces one with CREATE OR REPLACE and drops one by its types', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': `create function add(a int, b int) returns int language sql as 'select a + b';
create function add(a text, b text) returns text language sql as 'select a || b';
create or replace function add(x integer, y integer) returns int language sql as 'select x + y';
create function add(a int, b int) returns int language sql as 'select 0';
drop function add(text, text);
`,
    });
    expect([...schema.functions.keys()]).toEqual(['public.add(integer, integer)']);
    expect(schema.functions.get('public.add(integer, integer)')!.arguments.map((argument) => argument.name)).toEqual(['x', 'y']);
    expect(describeEvents(history, ['create', 'alter', 'drop', 'error'])).toEqual([
      'create function public.add(integer, integer): created function "public.add(integer, integer)" @001_a.sql:1',
      'create function public.add(text, text): created function "public.add(text, text)" @001_a.sql:2',
      'alter function public.add(integer, integer): replaced function "public.add(integer, integer)" @001_a.sql:3',
      'error function public.add(integer, integer): function "public.add(integer, integer)" already exists with same argument types (created at 001_a.sql:1) @001_a.sql:4',
      'drop function public.add(text, text): dropped function "public.add(text, text)" @001_a.sql:5',
    ]);
  });
});

describe('DO blocks', () => {
  it('replays static DDL; a guarded statement that would fail is a no-op; dynamic SQL keeps the block', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': `create table t (id int);
do $$ begin
  if not exists (select 1 from information_schema.columns where table_name = 't' and column_name = 'c') then
    alter table t add column c text;
  end if;
end $$;
do $$ begin
  alter table t add column c text;
exception when duplicate_column then null;
end $$;
do $$ declare r record; begin
  for r in select tablename from pg_tables loop
    execute format('alter table %I enable row level security', r.tablename);
  end loop;
end $$;
`,
    });
    expect(schema.tables.get('public.t')!.columns.map((column) => column.name)).toEqual(['id', 'c']);
    expect(describeEvents(history, ['noop', 'uninterpreted'])).toEqual([
      'noop column public.t.c: column "c" of relation "public.t" already exists (added at 001_a.sql:2) (inside a guarded DO block: assumed skipped) @001_a.sql:7',
      'uninterpreted other : DoStmt is kept verbatim: holds EXECUTE of a built string, a loop @001_a.sql:11',
    ]);
    expect(schema.uninterpreted.map((statement) => statement.kind)).toEqual(['DoStmt']);
    const nested = history.filter((event) => event.innerKind !== undefined).map((event) => `${event.statementKind}/${event.innerKind} ${event.action}`);
    expect(nested).toEqual(['DoStmt/AlterTableStmt alter', 'DoStmt/AlterTableStmt noop']);
  });
});

describe('types, search_path and provenance', () => {
  it('orders enum values added BEFORE / AFTER and ignores ADD VALUE IF NOT EXISTS for a present value', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': "create type s as enum ('a', 'c');\nalter type s add value 'b' before 'c';\nalter type s add value 'd' after 'c';\nalter type s add value if not exists 'a';\n",
    });
    expect(schema.types.get('public.s')!.labels).toEqual(['a', 'b', 'c', 'd']);
    expect(describeEvents(history, ['noop'])).toEqual(['noop type public.s: enum label "a" already exists in "public.s" @001_a.sql:4']);
  });

  it('creates unqualified objects in the schema search_path names, for the rest of that file only', async () => {
    const { schema } = await replayFolder({
      '001_a.sql': 'create schema app;\nset search_path to app, public;\ncreate table t (id int);\n',
      '002_b.sql': 'create table t (id int);\n',
    });
    expect([...schema.tables.keys()]).toEqual(['app.t', 'public.t']);
  });

  it('remembers which file changed a column type, and the USING expression', async () => {
    const { schema } = await replayFolder({
      '001_a.sql': 'create table t (n text);\n',
      '002_b.sql': '\nalter table t alter column n type integer using n::integer;\n',
    });
    const column = schema.tables.get('public.t')!.columns[0]!;
    expect(column.type).toBe('integer');
    expect(column.previousTypes).toEqual([{ type: 'text', until: expect.objectContaining({ path: '002_b.sql', line: 2 }) }]);
    expect(column.changes.map((change) => `${change.origin.path}:${change.origin.line} ${changeText(change)}`)).toEqual([
      '002_b.sql:2 changed type of column "n" to integer using n::int',
    ]);
  });

  it('applies default privileges to tables created later', async () => {
    const { schema } = await replayFolder({
      '001_a.sql': 'alter default privileges in schema public grant select on tables to anon;\ncreate table t (id int);\nrevoke select on t from anon;\ncreate table u (id int);\n',
    });
    expect(schema.grants.filter((grant) => !grant.implicit).map((grant) => `${grant.privilege} ${grant.object} ${grant.grantee}`)).toEqual(['SELECT public.u anon']);
  });
});

describe('replay never crashes', () => {
  it('replays typed columns of PARTITION OF and OF type (the pg_regress crash)', async () => {
    const { schema } = await replayFolder({
      '001_a.sql': `create table p (a int, b text) partition by list (a);
create table p1 partition of p (b with options not null default 'x') for values in (1);
create type pair as (x int, y int);
create table pairs of pair (x with options default 0);
`,
    });
    expect(schema.tables.get('public.p1')!.columns.map((column) => [column.name, column.type, column.notNull, column.default])).toEqual([
      ['a', 'integer', false, null],
      ['b', 'text', true, "'x'"],
    ]);
    expect(schema.tables.get('public.pairs')!.columns.map((column) => [column.name, column.default])).toEqual([
      ['x', '0'],
      ['y', null],
    ]);
  });

  it('keeps a statement verbatim, with a note, when its handler meets an AST it does not expect', async () => {
    const analysis = await replayFolder({ '001_a.sql': 'create table t (id int);\ncreate table u (id int);\n' });
    const [file] = analysis.files;
    const broken = { ...file!, statements: [{ ...file!.statements[0]!, node: { CreateStmt: {} } }, file!.statements[1]!] };
    const { schema, history } = replay([broken]);
    expect(schema.uninterpreted.map((statement) => [statement.kind, statement.note])).toEqual([
      ['CreateStmt', expect.stringMatching(/^replay could not interpret it \(/)],
    ]);
    expect([...schema.tables.keys()]).toEqual(['public.u']);
    expect(history.map((event) => event.action)).toEqual(['uninterpreted', 'create']);
  });
});
