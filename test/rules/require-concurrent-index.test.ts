import rule from '../../rules/require-concurrent-index.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'table created earlier in the same file; CONCURRENTLY on an existing table; IF NOT EXISTS that does nothing',
      files: {
        '001_a.sql': 'CREATE TABLE feedback (id int, user_id int);\nCREATE INDEX feedback_user_idx ON feedback (user_id);',
        '002_b.sql': 'CREATE INDEX CONCURRENTLY feedback_id_idx ON feedback (id);\nCREATE INDEX IF NOT EXISTS feedback_user_idx ON feedback (user_id);',
      },
    },
    {
      name: 'a partitioned table, which cannot be indexed concurrently (seen in Hatchet)',
      files: {
        '001_a.sql': "CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);",
        '002_b.sql': 'CREATE INDEX events_at_idx ON events (at);\nCREATE INDEX events_id_idx ON ONLY events (id);',
      },
    },
  ],
  invalid: [
    {
      name: 'the seed audit: indexes on feedback in a later file',
      files: {
        '001_a.sql': 'CREATE TABLE feedback (id int, user_id int, status text);',
        '006_b.sql': '-- indexes\nCREATE INDEX idx_feedback_user_id ON feedback (user_id);\nCREATE UNIQUE INDEX idx_feedback_status ON public.feedback (status, id);',
      },
      findings: [
        { file: '006_b.sql', line: 2, column: 1, message: 'blocks writes to "feedback", which exists since 001_a.sql:1' },
        { file: '006_b.sql', line: 3 },
      ],
    },
  ],
});
