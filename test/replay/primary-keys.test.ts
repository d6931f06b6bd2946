import { describe, expect, it } from 'vitest';
import { describeEvents, replayFolder } from './support.js';

describe('one primary key per table', () => {
  it('rejects ADD PRIMARY KEY on a table that has one, unless the same ALTER TABLE drops it first', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': [
        'create table q (id int primary key, other int);',
        'alter table q add primary key (other);',
        'alter table q drop constraint q_pkey, add constraint q_other_pkey primary key (other);',
        '',
      ].join('\n'),
    });
    expect(describeEvents(history, ['error'])).toEqual([
      'error table public.q: multiple primary keys for table "q" are not allowed; ALTER TABLE "public.q" fails as a whole: nothing of it applies @001_a.sql:2',
    ]);
    expect(schema.tables.get('public.q')!.constraints.map((constraint) => `${constraint.name} ${constraint.kind}`)).toEqual(['q_other_pkey primary key']);
  });
});
