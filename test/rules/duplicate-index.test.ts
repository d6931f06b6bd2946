import rule from '../../rules/duplicate-index.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'same columns but another method, predicate, column order, sort order or operator class',
      files: {
        '001_a.sql':
          'CREATE TABLE t (a int, b int, tags text[], name text);\nCREATE INDEX ON t (a);\nCREATE INDEX ON t (a) WHERE b > 0;\nCREATE INDEX ON t USING hash (a);\nCREATE INDEX ON t (a, b);\nCREATE INDEX ON t (b, a);\nCREATE INDEX ON t (b, a DESC);\nCREATE INDEX ON t (name);\nCREATE INDEX ON t (name text_pattern_ops);',
      },
    },
  ],
  invalid: [
    {
      name: 'the same descending index twice',
      files: { '001_a.sql': 'CREATE TABLE t (a int, b int);\nCREATE INDEX one ON t (a, b DESC);\nCREATE INDEX two ON t (a, b DESC);' },
      findings: [{ file: '001_a.sql', line: 3, message: 'Index "two" duplicates index "one"' }],
    },
    {
      name: 'a plain index on a UNIQUE column; two identical indexes in two files',
      files: {
        '001_a.sql': 'CREATE TABLE slack_messages (id int PRIMARY KEY, thread_ts text UNIQUE, user_id int);\nCREATE INDEX one ON slack_messages (user_id);',
        '002_b.sql': 'CREATE INDEX idx_thread ON slack_messages (thread_ts);\n\nCREATE INDEX two ON slack_messages (user_id);',
      },
      findings: [
        { file: '002_b.sql', line: 1, message: 'Index "idx_thread" duplicates the index of constraint "slack_messages_thread_ts_key"', related: [{ file: '001_a.sql', line: 1 }] },
        { file: '002_b.sql', line: 3, message: 'Index "two" duplicates index "one"', related: [{ file: '001_a.sql', line: 2 }] },
      ],
    },
  ],
});
