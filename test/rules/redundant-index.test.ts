import rule from '../../rules/redundant-index.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'unique prefix (it enforces something), other predicate, other method, not a prefix, other operator class',
      files: {
        '001_a.sql':
          'CREATE TABLE t (a int, b int, c int);\nCREATE UNIQUE INDEX ON t (a);\nCREATE INDEX ON t (a, b);\nCREATE INDEX ON t (b) WHERE c > 0;\nCREATE INDEX ON t (b, c);\nCREATE INDEX ON t USING hash (c);\nCREATE INDEX ON t (c, a);\nCREATE TABLE u (name text, id int);\nCREATE INDEX ON u (name text_pattern_ops);\nCREATE INDEX ON u (name, id);',
      },
    },
  ],
  invalid: [
    {
      name: 'an index on (status) next to (status, created_at)',
      files: {
        '001_a.sql': 'CREATE TABLE tickets (status text, created_at timestamptz);\nCREATE INDEX tickets_status_idx ON tickets (status);',
        '002_b.sql': 'CREATE INDEX tickets_status_created_idx ON tickets (status, created_at);',
      },
      findings: [{ file: '001_a.sql', line: 2, message: 'is covered by "tickets_status_created_idx" (status, created_at, 002_b.sql:1)', related: [{ file: '002_b.sql', line: 1 }] }],
    },
  ],
});
