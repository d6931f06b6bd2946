import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { describe, expect, it } from 'vitest';
import { diffCatalogs, readCatalog } from '../../src/verify/catalog.js';

describe('readCatalog', () => {
  it('reads every object kind and diffs two databases object by object', async () => {
    const left = new PGlite({ extensions: { citext } });
    await left.exec(`
      create role app_user;
      create extension if not exists citext;
      create schema app;
      create type app.status as enum ('open', 'closed');
      create domain app.email as text not null check (value like '%@%');
      create type app.pair as (a integer, b text);
      create table app.users (
        id bigint generated always as identity primary key,
        email citext unique,
        name varchar(50) collate "C" default 'x',
        status app.status not null default 'open',
        full_name text generated always as (name || '!') stored
      );
      create table app.events (id serial, user_id bigint references app.users(id) on delete cascade, at timestamptz not null)
        partition by range (at);
      create table app.events_2026 partition of app.events for values from ('2026-01-01') to ('2027-01-01');
      create index on app.users (lower(email::text)) where status = 'open';
      create view app.open_users as select id, email from app.users where status = 'open';
      create materialized view app.counts as select status, count(*) from app.users group by status;
      create function app.touch() returns trigger language plpgsql as $$ begin return new; end $$;
      create function app.add(a int, b int) returns int language sql immutable as 'select a + b';
      create function app.add(a text, b text) returns text language sql as 'select a || b';
      create trigger users_touch before update on app.users for each row execute function app.touch();
      alter table app.users enable row level security;
      create policy users_own on app.users for select to app_user using (id = 1);
      grant select, update (name) on app.users to app_user;
      grant usage on schema app to app_user;
      revoke execute on function app.add(int, int) from public;
      alter default privileges in schema app grant select on tables to app_user;
      comment on table app.users is 'people';
      comment on column app.users.email is 'login';
      create publication pub for table app.users;
    `);
    const catalog = await readCatalog(left);
    expect(catalog.serverVersion).toMatch(/^18\./);
    expect(catalog.schemas.map((schema) => schema.name)).toEqual(['app', 'public']);
    expect(catalog.extensions.map((extension) => extension.name)).toEqual(['citext', 'plpgsql']);
    expect(catalog.functions.map((fn) => `${fn.name}(${fn.arguments}) ${fn.argumentTypes}`)).toEqual(['add(a integer, b integer) integer, integer', 'add(a text, b text) text, text', 'touch() ']);
    const users = catalog.tables.find((table) => table.name === 'users')!;
    const plain = { storage: null, compression: null, statisticsTarget: null, options: [], identitySequence: null };
    expect(users.columns).toEqual([
      {
        ...plain,
        name: 'id', type: 'bigint', notNull: true, default: null, identity: 'always', generated: null, collation: null,
        identitySequence: 'app.users_id_seq START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 AS bigint',
      },
      { ...plain, name: 'email', type: 'citext', notNull: false, default: null, identity: null, generated: null, collation: null },
      { ...plain, name: 'name', type: 'character varying(50)', notNull: false, default: "'x'::character varying", identity: null, generated: null, collation: 'C' },
      { ...plain, name: 'status', type: 'app.status', notNull: true, default: "'open'::app.status", identity: null, generated: null, collation: null },
      { ...plain, name: 'full_name', type: 'text', notNull: false, default: null, identity: null, generated: "((name)::text || '!'::text)", collation: null },
    ]);
    expect(users.constraints).toEqual([
      { name: 'users_email_key', type: 'u', definition: 'UNIQUE (email)' },
      { name: 'users_id_not_null', type: 'n', definition: 'NOT NULL id' },
      { name: 'users_pkey', type: 'p', definition: 'PRIMARY KEY (id)' },
      { name: 'users_status_not_null', type: 'n', definition: 'NOT NULL status' },
    ]);
    expect(users.rlsEnabled).toBe(true);
    const partition = catalog.tables.find((table) => table.name === 'events_2026')!;
    expect(partition.partitionOf).toBe('app.events');
    expect(partition.partitionBound).toBe("FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')");
    expect(catalog.tables.find((table) => table.name === 'events')!.partitionKey).toBe('RANGE (at)');
    expect(catalog.sequences.map((sequence) => [sequence.name, sequence.ownedBy])).toEqual([['events_id_seq', 'app.events.id']]);
    expect(catalog.types.map((type) => [type.name, type.kind, type.labels, type.members])).toEqual([
      ['email', 'domain', [], ['email_check: CHECK ((VALUE ~~ \'%@%\'::text))', 'email_not_null: NOT NULL']],
      ['pair', 'composite', [], ['a integer', 'b text']],
      ['status', 'enum', ['open', 'closed'], []],
    ]);
    expect(catalog.policies).toEqual([
      { schema: 'app', table: 'users', name: 'users_own', permissive: true, roles: ['app_user'], command: 'SELECT', using: '(id = 1)', withCheck: null },
    ]);
    expect(catalog.grants.filter((grant) => grant.grantee === 'app_user').map((grant) => `${grant.privilege} ${grant.objectType} ${grant.object}`)).toEqual([
      'UPDATE column app.users.name',
      'USAGE schema app',
      'SELECT table app.users',
    ]);
    expect(catalog.grants.some((grant) => grant.object === 'app.add(integer, integer)' && grant.grantee === 'PUBLIC')).toBe(false);
    expect(catalog.grants.some((grant) => grant.object === 'app.add(text, text)' && grant.grantee === 'PUBLIC')).toBe(true);
    expect(catalog.defaultPrivileges).toEqual([{ role: 'postgres', schema: 'app', objectType: 'tables', grantee: 'app_user', privilege: 'SELECT', grantable: false }]);
    // The public schema's comment is PostgreSQL's own, but a migration may change or remove it.
    expect(catalog.comments).toEqual([
      { objectType: 'schema', object: 'public', comment: 'standard public schema' },
      { objectType: 'table', object: 'app.users', comment: 'people' },
      { objectType: 'table column', object: 'app.users.email', comment: 'login' },
    ]);
    expect(catalog.publications).toEqual([{ name: 'pub', owner: 'postgres', allTables: false, actions: ['insert', 'update', 'delete', 'truncate'], tables: ['app.users'], schemas: [] }]);
    expect(catalog.triggers.map((trigger) => trigger.definition)).toEqual([
      'CREATE TRIGGER users_touch BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.touch()',
    ]);
    expect(catalog.views.map((view) => [view.name, view.materialized, view.columns])).toEqual([
      ['counts', true, ['status', 'count']],
      ['open_users', false, ['id', 'email']],
    ]);
    expect(catalog.indexes.map((index) => [index.name, index.constraint, index.definition])).toEqual([
      ['users_email_key', 'users_email_key', 'CREATE UNIQUE INDEX users_email_key ON app.users USING btree (email)'],
      ['users_lower_idx', null, "CREATE INDEX users_lower_idx ON app.users USING btree (lower((email)::text)) WHERE (status = 'open'::app.status)"],
      ['users_pkey', 'users_pkey', 'CREATE UNIQUE INDEX users_pkey ON app.users USING btree (id)'],
    ]);
    expect(diffCatalogs(catalog, catalog)).toEqual([]);

    await left.exec(`alter table app.users alter column email set not null; drop index app.users_lower_idx; create schema extra;`);
    const changed = await readCatalog(left);
    expect(diffCatalogs(catalog, changed).map((difference) => difference.message)).toEqual([
      'schema extra exists only on the right',
      'table app.users: columns.email.notNull differs: false vs true',
      'table app.users: constraints.users_email_not_null exists only on the right ({"name":"users_email_not_null","type":"n","definition":"NOT NULL email"})',
      'index app.users_lower_idx exists only on the left',
      'grant CREATE on schema extra to postgres exists only on the right',
      'grant USAGE on schema extra to postgres exists only on the right',
    ]);
    expect(await readCatalog(left, { excludeSchemas: ['app'] })).toMatchObject({ tables: [], schemas: [{ name: 'extra' }, { name: 'public' }] });
    await left.close();
  }, 60_000);
});
