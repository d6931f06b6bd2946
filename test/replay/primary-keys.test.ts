import { describe, expect, it } from 'vitest';
import { describeEvents, replayFolder } from './support.js';

describe('one primary key per table', () => {
  it('rejects ADD PRIMARY KEY on a table that has one, unless the same ALTER TABLE drops it (or its column) first', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': [
        'create table q (id int primary key, other int);',
        'alter table q add primary key (other);',
        'alter table q drop constraint q_pkey, add constraint q_other_pkey primary key (other);',
        'alter table q drop column other, add column id2 int primary key;',
        '',
      ].join('\n'),
    });
    expect(describeEvents(history, ['error'])).toEqual([
      'error table public.q: multiple primary keys for table "q" are not allowed; ALTER TABLE "public.q" fails as a whole: nothing of it applies @001_a.sql:2',
    ]);
    expect(schema.tables.get('public.q')!.constraints.map((constraint) => `${constraint.name} ${constraint.kind}`)).toEqual(['q_pkey primary key']);
  });

  // A condition on a column the model does not list (is_deferrable) makes the built statement unknown;
  // without it, the model reads the key's name and drops it (fidelity fixture guard-table-constraints).
  it('is no certain rejection after SQL a DO block builds at run time, which may have dropped the key (supabase storage 0048)', async () => {
    const { history } = await replayFolder({
      '001_a.sql': 'create table buckets (id text primary key);\n',
      '002_b.sql': [
        'DO $$',
        'DECLARE drop_sql text;',
        'BEGIN',
        "  SELECT concat('ALTER TABLE buckets DROP CONSTRAINT ', constraint_name) INTO drop_sql FROM information_schema.table_constraints WHERE table_name = 'buckets' AND constraint_type = 'PRIMARY KEY' AND is_deferrable = 'NO';",
        '  EXECUTE drop_sql;',
        '  ALTER TABLE buckets ADD COLUMN uid uuid NOT NULL DEFAULT gen_random_uuid();',
        '  ALTER TABLE buckets ADD PRIMARY KEY (uid);',
        'END $$;',
        '',
      ].join('\n'),
    });
    expect(describeEvents(history, ['error'])).toEqual([]);
    expect(describeEvents(history, ['noop'])).toEqual([
      'noop table public.buckets: multiple primary keys for table "buckets" are not allowed; ALTER TABLE "public.buckets" fails as a whole: nothing of it applies (inside a guarded DO block: assumed skipped) @002_b.sql:1',
    ]);
  });
});
