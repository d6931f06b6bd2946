/**
 * fast-check inputs for the fuzz suite: realistic migration SQL, broken in the ways real files
 * break (cut short, unterminated quotes and comments, stray bytes, mixed line endings, BOMs,
 * NUL bytes), and raw bytes that are not UTF-8 at all.
 */
import fc from 'fast-check';

const STATEMENTS = [
  'CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users (id), name text NOT NULL CHECK (char_length(name) < 100));',
  'CREATE TABLE IF NOT EXISTS tasks (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, profile_id uuid REFERENCES profiles (id) ON DELETE CASCADE, done boolean DEFAULT false);',
  'ALTER TABLE tasks ADD COLUMN title text;',
  'ALTER TABLE tasks ALTER COLUMN title TYPE varchar(200) USING title::varchar;',
  'ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;',
  'CREATE POLICY "own" ON profiles FOR SELECT TO authenticated USING ((select auth.uid()) = id);',
  'CREATE INDEX CONCURRENTLY IF NOT EXISTS tasks_profile_idx ON tasks (profile_id) WHERE done IS NOT TRUE;',
  "CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql SET search_path = '' AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END; $$;",
  'CREATE TRIGGER touch BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION public.touch();',
  "DO $body$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN CREATE TYPE mood AS ENUM ('ok'); END IF; END $body$;",
  'CREATE VIEW open_tasks WITH (security_invoker = on) AS SELECT * FROM tasks WHERE NOT done;',
  'GRANT SELECT, INSERT ON tasks TO authenticated;',
  "COMMENT ON TABLE tasks IS 'it''s a table';",
  'DROP TABLE IF EXISTS legacy_tasks CASCADE;',
  'ALTER TABLE tasks RENAME COLUMN title TO name;',
  "INSERT INTO tasks (title) VALUES ('a'), ('b');",
  'CREATE POLICY IF NOT EXISTS "x" ON tasks USING (true);',
  'CREATE TABLE `mysql` (id int AUTO_INCREMENT) ENGINE=InnoDB;',
  'BEGIN;',
  'COMMIT;',
  'SET search_path = app, public;',
];

const NOISE = [
  "'", '"', '$$', '$tag$', '/*', '*/', '--', ';', '(', ')', ',', '\0', '\r\n', '\r', '\n', '\uFEFF', 'é', '😀', '\uD800',
  '\\i other.sql\n', '\\set ON_ERROR_STOP on\n', '-- +goose Up\n', '-- +goose Down\n', '-- migrate:up\n', '-- migrate:down\n',
  '-- miglint-disable-next-line duplicate-create-table\n', '-- miglint-disable\n', 'BEGIN ATOMIC', 'END', 'E\'\\', 'U&"', '::', '[',
];

const statement = fc.constantFrom(...STATEMENTS);
const noise = fc.oneof(fc.constantFrom(...NOISE), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }));

type Edit = { at: number; kind: 'insert'; text: string } | { at: number; kind: 'delete'; length: number } | { at: number; kind: 'truncate' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ at: fc.nat(), kind: fc.constant('insert' as const), text: noise }),
  fc.record({ at: fc.nat(), kind: fc.constant('delete' as const), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ at: fc.nat(), kind: fc.constant('truncate' as const) }),
);

function applyEdit(text: string, change: Edit): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  switch (change.kind) {
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'truncate':
      return text.slice(0, at);
  }
}

/** Realistic migration text, then a few random edits; sometimes CRLF, sometimes a BOM. */
export const migrationText: fc.Arbitrary<string> = fc
  .record({
    parts: fc.array(fc.oneof({ weight: 4, arbitrary: statement }, { weight: 1, arbitrary: noise }), { maxLength: 10 }),
    separator: fc.constantFrom('\n', '\n\n', '\r\n', ' '),
    edits: fc.array(edit, { maxLength: 4 }),
    bom: fc.boolean(),
  })
  .map(({ parts, separator, edits, bom }) => (bom ? '\uFEFF' : '') + edits.reduce(applyEdit, parts.join(separator)));

/** File contents as bytes: mostly mutated SQL, sometimes raw random bytes or SQL with a byte flipped. */
export const fileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: migrationText.map((text) => new TextEncoder().encode(text)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(migrationText, fc.nat(), fc.integer({ min: 0x80, max: 0xff })).map(([text, at, byte]) => {
      const bytes = new TextEncoder().encode(text);
      if (bytes.length > 0) bytes[at % bytes.length] = byte;
      return bytes;
    }),
  },
);

/** File names a folder may hold: versioned, duplicated, unversioned, down files, odd characters. */
export const fileName: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => `${String(n).padStart(3, '0')}_step.sql`),
  fc.integer({ min: 0, max: 5 }).map((n) => `2024010100000${n}_change.sql`),
  fc.integer({ min: 1, max: 4 }).map((n) => `${n}_pair.down.sql`),
  fc.constantFrom('fix.sql', 'é 1_naïve.sql', 'V1__init.sql', 'R__views.sql', '001_a.SQL'),
);
