import rule from '../../rules/missing-reference.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'every table used is created; self reference; IF EXISTS; views',
      files: {
        '001_a.sql': 'CREATE TABLE users (id int PRIMARY KEY, manager int REFERENCES users);\nCREATE VIEW active_users AS SELECT * FROM users;',
        '002_b.sql':
          'ALTER TABLE users ADD COLUMN email text;\nCREATE INDEX ON users (email);\nALTER TABLE IF EXISTS ghosts ADD COLUMN x int;\nGRANT SELECT ON active_users TO PUBLIC;\nALTER TABLE users RENAME TO members;\nCREATE INDEX ON members (email);',
      },
    },
    {
      name: 'supabase preset: auth.users, storage.objects and the roles come from the platform',
      layout: 'supabase',
      files: {
        '20240101000000_a.sql':
          'CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users (id));\nCREATE POLICY "read" ON storage.objects FOR SELECT TO anon, authenticated USING (true);\nCREATE TRIGGER t AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION f();\nGRANT ALL ON profiles TO service_role;',
      },
    },
    {
      name: 'a numbered Supabase folder, no configuration: the preset comes from what it uses (auth.users, authenticated)',
      files: {
        '001_profiles.sql': 'CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users (id));\nCREATE POLICY "read" ON profiles FOR SELECT TO authenticated USING (true);',
        '002_grants.sql': 'GRANT SELECT ON profiles TO anon;\nGRANT ALL ON profiles TO service_role;',
      },
    },
    {
      name: "the runner's own table (Lemmy); partitions a function creates with dynamic SQL (Hatchet)",
      files: {
        '001_a.sql':
          "CREATE TRIGGER t BEFORE INSERT ON __diesel_schema_migrations FOR EACH ROW EXECUTE FUNCTION f();\nCREATE TABLE wal (id int, tenant int) PARTITION BY HASH (tenant);\nSELECT create_partitions('wal', 4);",
        '002_b.sql': 'CREATE INDEX CONCURRENTLY wal_0_idx ON wal_0 (tenant);',
      },
    },
    {
      name: 'schemas: created by a migration (before or after a rename), built in, or the platform\'s',
      layout: 'supabase',
      files: {
        '20240101000000_a.sql':
          "CREATE SCHEMA app;\nCREATE TABLE app.jobs (id int);\nCREATE SCHEMA old;\nALTER SCHEMA old RENAME TO private;\nCREATE FUNCTION private.f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE TABLE public.notes (id int);\nCREATE VIEW extensions.v AS SELECT 1 AS one;\nCREATE FUNCTION auth.is_admin() RETURNS boolean LANGUAGE sql AS 'SELECT true';",
      },
    },
  ],
  invalid: [
    {
      name: 'a table whose CREATE PostgreSQL rejects: what uses it says so, not that no migration creates it (issue 10)',
      layout: 'numbered',
      files: {
        '001_o.sql': 'CREATE TABLE o (id int PRIMARY KEY, c int CHECK (zz > 0));',
        '002_use.sql': 'CREATE INDEX o_c_idx ON o (c);\nCREATE TABLE p (id int PRIMARY KEY, o_id int REFERENCES o (id));',
      },
      findings: [
        { file: '002_use.sql', line: 1, column: 25, message: 'CREATE INDEX ON "o": the CREATE of "o" at 001_o.sql:1 was rejected: column "zz" does not exist', related: [{ file: '001_o.sql', line: 1 }] },
        { file: '002_use.sql', line: 2, message: 'REFERENCES "o": the CREATE of "o" at 001_o.sql:1 was rejected: column "zz" does not exist' },
      ],
    },
    {
      name: 'a table whose file its runner rolled back: what uses it says which statement undid the file',
      layout: 'golang-migrate',
      files: {
        '001_o.up.sql': 'CREATE TABLE o (id int PRIMARY KEY);\nALTER TABLE o ADD CONSTRAINT o_check CHECK (nope > 0);',
        '001_o.down.sql': 'DROP TABLE o;',
        '002_use.up.sql': 'ALTER TABLE o ENABLE ROW LEVEL SECURITY;',
        '002_use.down.sql': 'ALTER TABLE o DISABLE ROW LEVEL SECURITY;',
      },
      findings: [
        {
          file: '002_use.up.sql',
          line: 1,
          message: 'ALTER TABLE "o": the CREATE of "o" at 001_o.up.sql:1 was rolled back: its runner applies that file in one transaction, and PostgreSQL rejected 001_o.up.sql:2 (column "nope" does not exist',
          related: [{ file: '001_o.up.sql', line: 1 }],
        },
      ],
    },
    {
      name: 'the seed audit: nothing creates users or system_config',
      preset: 'none',
      files: {
        '001_a.sql': 'CREATE TABLE feedback (\n  id int PRIMARY KEY,\n  user_id int REFERENCES users(id)\n);',
        '015_b.sql':
          'ALTER TABLE users ENABLE ROW LEVEL SECURITY;\nCREATE POLICY p ON users USING (true);\nCREATE INDEX ON system_config (key);\nGRANT SELECT ON system_config TO anon;\nCREATE TRIGGER t BEFORE UPDATE ON system_config FOR EACH ROW EXECUTE FUNCTION f();',
      },
      findings: [
        { file: '001_a.sql', line: 3, column: 26, message: 'REFERENCES "users": no migration creates "users".' },
        { file: '015_b.sql', line: 1, column: 13, message: 'ALTER TABLE "users"' },
        { file: '015_b.sql', line: 2, message: 'CREATE POLICY ON "users"' },
        { file: '015_b.sql', line: 3, message: 'CREATE INDEX ON "system_config"' },
        { file: '015_b.sql', line: 4, message: 'GRANT ON "system_config"' },
        { file: '015_b.sql', line: 4, message: 'GRANT ... TO "anon"' },
        { file: '015_b.sql', line: 5, message: 'CREATE TRIGGER ON "system_config"' },
      ],
    },
    {
      name: 'roles: granted to, named in policies, granted; created ones, built-in ones and PUBLIC are known',
      layout: 'numbered',
      preset: 'none',
      files: {
        '001_a.sql':
          'CREATE ROLE app;\nCREATE TABLE t (id int);\nGRANT SELECT ON t TO app, PUBLIC, pg_read_all_data, postgres;\nGRANT SELECT ON t TO anon;\nCREATE POLICY p ON t TO authenticated USING (true);\nGRANT reporting TO app;',
      },
      findings: [
        { file: '001_a.sql', line: 4, column: 22, message: 'GRANT ... TO "anon": no migration creates role "anon".' },
        { file: '001_a.sql', line: 5, column: 25, message: 'CREATE POLICY ... TO "authenticated"' },
        { file: '001_a.sql', line: 6, message: 'GRANT role "reporting"' },
      ],
    },
    {
      name: 'roles an extension creates are known once a migration creates it, in a DO block too (supabase/postgres: pgsodium_keyholder)',
      layout: 'numbered',
      preset: 'none',
      files: {
        '001_a.sql': 'CREATE ROLE app;',
        '002_b.sql':
          "DO $$\nBEGIN\n  IF (SELECT count(*) = 1 FROM pg_available_extensions WHERE name = 'pgsodium') THEN\n    CREATE EXTENSION IF NOT EXISTS pgsodium;\n  END IF;\nEND $$;",
        '003_c.sql': 'GRANT pgsodium_keyholder TO app;\nGRANT pgsodium_admin TO app;',
      },
      findings: [{ file: '003_c.sql', line: 2, message: 'GRANT role "pgsodium_admin": no migration creates role "pgsodium_admin".' }],
    },
    {
      name: 'a role of an extension no migration creates is missing',
      layout: 'numbered',
      preset: 'none',
      files: { '001_a.sql': 'CREATE ROLE app;\nGRANT pgsodium_keyholder TO app;' },
      findings: [{ file: '001_a.sql', line: 2, message: 'GRANT role "pgsodium_keyholder": no migration creates role "pgsodium_keyholder".' }],
    },
    {
      name: 'without the preset (configured off), auth.users is missing',
      layout: 'numbered',
      preset: 'none',
      files: { '001_a.sql': 'CREATE TABLE profiles (id uuid REFERENCES auth.users);' },
      findings: [{ file: '001_a.sql', line: 1, message: '"auth.users"' }],
    },
    {
      name: 'objects in a schema no migration creates (hasura-auth: auth is made by the service): one finding per schema, at its first object',
      layout: 'golang-migrate',
      files: {
        '00001_create-initial-tables.up.sql':
          "CREATE EXTENSION IF NOT EXISTS citext;\n\nCREATE FUNCTION auth.set_current_timestamp_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\nCREATE DOMAIN auth.email AS public.citext;\nCREATE TABLE auth.users (id uuid PRIMARY KEY);\nCREATE TABLE billing.plans (id int);",
        '00001_create-initial-tables.down.sql': 'DROP TABLE auth.users;',
      },
      findings: [
        { file: '00001_create-initial-tables.up.sql', line: 3, column: 1, message: 'CREATE FUNCTION "auth.set_current_timestamp_updated_at()": no migration creates schema "auth".' },
        { file: '00001_create-initial-tables.up.sql', line: 6, column: 1, message: 'CREATE TABLE "billing.plans": no migration creates schema "billing".' },
      ],
    },
  ],
});
