import rule from '../../rules/noop-statement.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'IF NOT EXISTS that adds something new',
      files: {
        '001_a.sql': 'CREATE TABLE notes (id int);',
        '002_b.sql': 'ALTER TABLE notes ADD COLUMN IF NOT EXISTS body text;\nCREATE INDEX IF NOT EXISTS notes_body_idx ON notes (body);',
      },
    },
    {
      name: 'a guarded statement inside a DO block (seen in Rifty)',
      files: {
        '001_a.sql': 'CREATE TABLE goals (id int);\nCREATE INDEX goals_id_idx ON goals (id);',
        '002_b.sql': "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'goals_id_idx') THEN\n    CREATE INDEX IF NOT EXISTS goals_id_idx ON goals (id);\n  END IF;\nEND $$;",
      },
    },
  ],
  invalid: [
    {
      name: 'an "ensure columns" file re-adds a column and an index',
      files: {
        '012_a.sql': 'CREATE TABLE calls (id int);\nALTER TABLE calls ADD COLUMN metadata jsonb;\nCREATE INDEX calls_id_idx ON calls (id);',
        '017_b.sql': '-- ensure\nALTER TABLE calls\n  ADD COLUMN IF NOT EXISTS other text,\n  ADD COLUMN IF NOT EXISTS metadata jsonb;\nCREATE INDEX IF NOT EXISTS calls_id_idx ON calls (id);',
      },
      findings: [
        { file: '017_b.sql', line: 4, column: 28, message: '"metadata" does nothing: "calls" already has that column (already there from 012_a.sql:2)' },
        { file: '017_b.sql', line: 5, column: 1, message: 'CREATE INDEX IF NOT EXISTS "calls_id_idx" does nothing' },
      ],
    },
  ],
});
