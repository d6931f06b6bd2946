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

describe('CREATE INDEX with a function that is not IMMUTABLE', () => {
  it('is rejected in a predicate or an expression, as PostgreSQL does; immutable calls and CHECK constraints are fine', async () => {
    const { schema, history } = await replayFolder({
      '001_a.sql': [
        'create table refresh_tokens (user_id uuid, is_active boolean, expires_at timestamptz, created_at timestamptz check (created_at <= now()));',
        'create index active_valid_idx on refresh_tokens (user_id, is_active) where is_active = true and expires_at > now();',
        'create index recent_idx on refresh_tokens (user_id) where expires_at > current_timestamp;',
        'create index age_idx on refresh_tokens ((age(expires_at)));',
        'create index span_idx on refresh_tokens ((age(expires_at, created_at)));',
        'create index lower_idx on refresh_tokens (lower(user_id::text)) where is_active;',
        '',
      ].join('\n'),
    });
    expect(describeEvents(history, ['error'])).toEqual([
      'error index public.refresh_tokens: functions in index predicate must be marked IMMUTABLE @001_a.sql:2',
      'error index public.refresh_tokens: functions in index predicate must be marked IMMUTABLE @001_a.sql:3',
      'error index public.refresh_tokens: functions in index expression must be marked IMMUTABLE @001_a.sql:4',
    ]);
    expect([...schema.indexes.keys()].sort()).toEqual(['public.lower_idx', 'public.span_idx']);
  });
});
