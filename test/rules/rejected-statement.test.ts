import duplicateCreateTable from '../../rules/duplicate-create-table.js';
import missingReference from '../../rules/missing-reference.js';
import orderDependency from '../../rules/order-dependency.js';
import rule from '../../rules/rejected-statement.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'what missing-reference, order-dependency and duplicate-create-table report is not reported again: they claim it',
      layout: 'numbered',
      alongside: [missingReference, orderDependency, duplicateCreateTable],
      files: {
        '001_a.sql':
          'ALTER TABLE ghosts ADD COLUMN x int;\nCREATE INDEX ON ghosts (x);\nCREATE POLICY p ON later FOR SELECT USING (true);\nCREATE TABLE early (id int, later_id int REFERENCES later (id));\nCREATE TABLE users (id int PRIMARY KEY);',
        '002_b.sql': 'CREATE TABLE later (id int PRIMARY KEY);\nCREATE TABLE users (id int PRIMARY KEY);',
      },
    },
    {
      name: "supabase preset: storage.objects policies, an auth.users trigger, the platform's publication",
      layout: 'supabase',
      files: {
        '20240101000000_a.sql':
          "CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\nCREATE POLICY \"own files\" ON storage.objects FOR SELECT TO authenticated USING (bucket_id = 'files' AND owner = auth.uid());\nCREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();\nCREATE TABLE messages (id int PRIMARY KEY);\nALTER PUBLICATION supabase_realtime ADD TABLE messages;",
      },
    },
    {
      name: "objects replay cannot see made: an extension's functions, PostgreSQL's own, the runner's table, partitions made by dynamic SQL",
      layout: 'numbered',
      files: {
        '001_a.sql':
          "CREATE EXTENSION IF NOT EXISTS vector;\nGRANT ALL ON FUNCTION public.vector_in(cstring, oid, integer) TO PUBLIC;\nALTER FUNCTION pg_catalog.lo_export(oid, text) OWNER TO postgres;\nCREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\nCREATE TRIGGER t BEFORE INSERT ON __diesel_schema_migrations FOR EACH ROW EXECUTE FUNCTION f();\nCREATE TABLE wal (id int, tenant int) PARTITION BY HASH (tenant);\nSELECT create_partitions('wal', 4);\nCREATE INDEX wal_0_idx ON wal_0 (tenant);\nCREATE RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n < 5;",
      },
    },
    {
      name: 'a temporary view or table next to a permanent one of that name (PostgreSQL keeps it in pg_temp)',
      layout: 'numbered',
      files: {
        '001_a.sql': 'CREATE TABLE base (id int);\nCREATE TEMP VIEW base AS SELECT 1 AS one;\nCREATE TEMP TABLE scratch (id int);\nCREATE TABLE scratch (id int);',
      },
    },
    {
      name: 'a column added by a statement parse-error reports: what it would have made is not reported missing again',
      layout: 'numbered',
      files: {
        '001_a.sql': 'CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN email text NOT NULL DEFAULT;\nCREATE INDEX ON t (email);',
      },
    },
    {
      name: 'a CREATE POLICY inside a DO block guarded by an EXCEPTION handler is assumed skipped',
      layout: 'numbered',
      files: {
        '001_a.sql': 'CREATE TABLE t (id int);\nCREATE POLICY p ON t USING (true);',
        '002_b.sql': 'DO $$ BEGIN\n  CREATE POLICY p ON t USING (true);\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;',
      },
    },
  ],
  invalid: [
    {
      name: 'without the rules that claim them, their rejections are reported here',
      layout: 'numbered',
      files: {
        '001_a.sql':
          'ALTER TABLE ghosts ADD COLUMN x int;\nCREATE INDEX ON ghosts (x);\nCREATE POLICY p ON later FOR SELECT USING (true);\nCREATE TABLE early (id int, later_id int REFERENCES later (id));\nCREATE TABLE users (id int PRIMARY KEY);',
        '002_b.sql': 'CREATE TABLE later (id int PRIMARY KEY);\nCREATE TABLE users (id int PRIMARY KEY);',
      },
      findings: [
        { file: '001_a.sql', line: 1, message: 'relation "public.ghosts" does not exist' },
        { file: '001_a.sql', line: 2, message: 'relation "public.ghosts" does not exist' },
        { file: '001_a.sql', line: 3, message: 'relation "public.later" does not exist' },
        { file: '001_a.sql', line: 4, message: 'relation "public.later" does not exist' },
        { file: '002_b.sql', line: 2, message: 'table "public.users" already exists' },
      ],
    },
    {
      name: 'a rule claims only the reason codes it declares: a table that exists, at a statement order-dependency reports, is still reported',
      layout: 'numbered',
      alongside: [orderDependency],
      files: {
        '001_a.sql': 'CREATE TABLE early (id int);\nCREATE TABLE early (id int, later_id int REFERENCES later (id));',
        '002_b.sql': 'CREATE TABLE later (id int PRIMARY KEY);',
      },
      findings: [{ file: '001_a.sql', line: 2, message: 'table "public.early" already exists' }],
    },
    {
      name: 'a policy that already exists (authority-engine repeats an earlier file)',
      layout: 'numbered',
      files: {
        '001_orgs.sql': 'CREATE TABLE organizations (id uuid PRIMARY KEY);\nCREATE POLICY "Organizations are publicly readable" ON organizations FOR SELECT USING (true);',
        '002_public_read.sql': '-- again\nCREATE POLICY "Organizations are publicly readable" ON organizations FOR SELECT USING (true);',
      },
      findings: [
        {
          file: '002_public_read.sql',
          line: 2,
          column: 1,
          message: 'PostgreSQL rejects this statement here: policy "Organizations are publicly readable" for table "public.organizations" already exists (created at ',
        },
      ],
    },
    {
      name: 'a CREATE TABLE IF NOT EXISTS skipped because the table exists with fewer columns: its indexes and comments fail (oriva-platform, run statement by statement)',
      layout: 'numbered',
      files: {
        '20250108000000_schema_v1.sql': 'CREATE SCHEMA hugo_love;\nCREATE TABLE hugo_love.conversations (id uuid PRIMARY KEY, archived_at timestamptz);',
        '20251003000003_conversations.sql':
          "CREATE TABLE IF NOT EXISTS hugo_love.conversations (id uuid PRIMARY KEY, match_id uuid, last_message_at timestamptz);\nCREATE INDEX idx_conversations_match ON hugo_love.conversations (match_id);\nCREATE INDEX idx_conversations_recent ON hugo_love.conversations (id) INCLUDE (last_message_at);\nCREATE INDEX idx_conversations_archived ON hugo_love.conversations (archived_at);\nCOMMENT ON COLUMN hugo_love.conversations.match_id IS 'the match';",
      },
      findings: [
        { file: '20251003000003_conversations.sql', line: 2, message: 'PostgreSQL rejects this statement here: column "match_id" does not exist.' },
        { file: '20251003000003_conversations.sql', line: 3, message: 'column "last_message_at" does not exist' },
        { file: '20251003000003_conversations.sql', line: 5, message: 'column "hugo_love.conversations.match_id" does not exist' },
      ],
    },
    {
      name: 'the same under the Supabase CLI, which applies a file in one transaction: it stops at the first rejection, and nothing in the file applies',
      layout: 'supabase',
      files: {
        '20250108000000_schema_v1.sql': 'CREATE SCHEMA hugo_love;\nCREATE TABLE hugo_love.conversations (id uuid PRIMARY KEY, archived_at timestamptz);',
        '20251003000003_conversations.sql':
          "CREATE TABLE IF NOT EXISTS hugo_love.conversations (id uuid PRIMARY KEY, match_id uuid, last_message_at timestamptz);\nCREATE INDEX idx_conversations_match ON hugo_love.conversations (match_id);\nCREATE INDEX idx_conversations_recent ON hugo_love.conversations (id) INCLUDE (last_message_at);\nCREATE INDEX idx_conversations_archived ON hugo_love.conversations (archived_at);\nCOMMENT ON COLUMN hugo_love.conversations.match_id IS 'the match';",
      },
      findings: [
        {
          file: '20251003000003_conversations.sql',
          line: 2,
          message:
            'PostgreSQL rejects this statement here: column "match_id" does not exist. The runner applies this file in one transaction, so nothing in it applies (1 statement before it rolled back, 3 statements after it not run): the files after it see the database as it was before this file.',
        },
      ],
    },
    {
      name: 'a rejection that undoes its file is reported even when order-dependency names its cause: it is never claimed',
      layout: 'golang-migrate',
      alongside: [orderDependency],
      files: {
        '001_a.up.sql': 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int, x int REFERENCES c (id));',
        '001_a.down.sql': 'DROP TABLE a;',
        '002_c.up.sql': 'CREATE TABLE c (id int PRIMARY KEY);',
        '002_c.down.sql': 'DROP TABLE c;',
      },
      findings: [{ file: '001_a.up.sql', line: 2, message: 'relation "public.c" does not exist; CREATE TABLE "public.b" fails as a whole: the table is not created. The runner applies this file in one transaction, so nothing in it applies (1 statement before it rolled back)' }],
    },
    {
      name: 'a trigger created a second time on auth.users under the supabase preset (a platform table the model does not hold)',
      layout: 'supabase',
      files: {
        '20240101000000_a.sql':
          'CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\nCREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();',
        '20240102000000_b.sql': 'CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();',
      },
      findings: [{ file: '20240102000000_b.sql', line: 1, message: 'PostgreSQL rejects this statement here: trigger "on_auth_user_created" for relation "auth.users" already exists (created at 20240101000000_a.sql:2).' }],
    },
    {
      name: 'a column constraint, a function and a column type PostgreSQL rejects (issue 10)',
      layout: 'numbered',
      files: {
        '001_a.sql': 'CREATE TABLE t (id int PRIMARY KEY, c text);\nALTER TABLE t ADD CONSTRAINT t_c CHECK (nope > 0);\nCREATE FUNCTION f(a int DEFAULT 1, b int) RETURNS int LANGUAGE sql AS $$ select 1 $$;\nCREATE EXTENSION IF NOT EXISTS pgcrypto;\nALTER TABLE t ALTER COLUMN c TYPE citext;',
      },
      findings: [
        { file: '001_a.sql', line: 2, message: 'PostgreSQL rejects this statement here: column "nope" does not exist; ALTER TABLE "public.t" fails as a whole: nothing of it applies.' },
        { file: '001_a.sql', line: 3, message: 'PostgreSQL rejects this statement here: input parameters after one with a default value must also have defaults.' },
        { file: '001_a.sql', line: 5, message: 'PostgreSQL rejects this statement here: type "citext" does not exist (it comes with extension "citext", which no earlier statement creates)' },
      ],
    },
    {
      name: 'a trigger on a function a later file creates',
      layout: 'numbered',
      files: {
        '001_features.sql': 'CREATE TABLE features (id int, updated_at timestamptz);\nCREATE TRIGGER features_set_updated_at BEFORE UPDATE ON features FOR EACH ROW EXECUTE FUNCTION set_updated_at();',
        '002_helpers.sql': 'CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;',
      },
      findings: [{ file: '001_features.sql', line: 2, message: 'function public.set_updated_at() does not exist' }],
    },
    {
      name: 'one finding per statement: a DO block that fails as a whole lists its reasons (Rifty), a CREATE TABLE repeated in its own file',
      layout: 'numbered',
      files: {
        '001_blocks.sql':
          'DO $$ BEGIN\n  CREATE TABLE schedule_blocks (id int, goal_id int REFERENCES goals (id));\n  CREATE INDEX ON schedule_blocks (goal_id);\n  CREATE INDEX ON schedule_blocks (id);\n  CREATE POLICY p ON schedule_blocks USING (true);\n  CREATE POLICY q ON schedule_blocks USING (true);\nEND $$;\nCREATE TABLE notes (id int);\nCREATE TABLE notes (id int);',
        '002_goals.sql': 'CREATE TABLE goals (id int PRIMARY KEY);',
      },
      findings: [
        {
          file: '001_blocks.sql',
          line: 1,
          message:
            'PostgreSQL rejects this statement here: relation "public.goals" does not exist; CREATE TABLE "public.schedule_blocks" fails as a whole: the table is not created; relation "public.schedule_blocks" does not exist.',
        },
        { file: '001_blocks.sql', line: 9, message: 'table "public.notes" already exists (created at ' },
      ],
    },
  ],
});
