import { describe, expect, it } from 'vitest';
import { describeEvents, replayFolder } from './support.js';

describe('CREATE INDEX on a column the table does not have', () => {
  it('is rejected and creates no index; expressions, INCLUDE columns and guarded DO blocks as PostgreSQL does', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': 'create table conversations (id uuid primary key, archived_at timestamptz);',
      '002_b.sql': [
        'create table if not exists conversations (id uuid primary key, match_id uuid, last_message_at timestamptz);',
        'create index conversations_match_idx on conversations (match_id);',
        'create index conversations_recent_idx on conversations (id) include (last_message_at);',
        'create index conversations_archived_idx on conversations (archived_at, lower(id::text));',
        'do $$ begin create index conversations_guarded_idx on conversations (match_id); exception when undefined_column then null; end $$;',
        '',
      ].join('\n'),
    });
    expect(describeEvents(history, ['error'])).toEqual([
      'error index public.conversations: column "match_id" does not exist @002_b.sql:2',
      'error index public.conversations: column "last_message_at" does not exist @002_b.sql:3',
    ]);
    expect([...schema.indexes.keys()]).toEqual(['public.conversations_pkey', 'public.conversations_archived_idx']);
  });
});
