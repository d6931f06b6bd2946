import rule from '../../rules/no-primary-key.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'primary keys inline, composite, added later; partitions of a keyed parent',
      files: {
        '001_a.sql': 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (x int, y int, PRIMARY KEY (x, y));\nCREATE TABLE c (id int);',
        '002_b.sql':
          'ALTER TABLE c ADD PRIMARY KEY (id);\nCREATE TABLE events (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);\nCREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM (\'2024-01-01\') TO (\'2025-01-01\');',
      },
    },
    {
      name: 'platform tables under the supabase preset',
      layout: 'supabase',
      files: { '20240101000000_a.sql': 'CREATE TABLE storage.scratch (name text);' },
    },
  ],
  invalid: [
    {
      name: 'the seed audit: learning_metrics',
      files: { '010_a.sql': 'CREATE TABLE learning_metrics (\n  metric text\n);\nCREATE TABLE keyed (id int PRIMARY KEY);' },
      findings: [{ file: '010_a.sql', line: 1, column: 1, message: 'Table "learning_metrics" has no primary key.' }],
    },
    {
      name: 'primary key dropped later',
      files: { '001_a.sql': 'CREATE TABLE a (id int CONSTRAINT a_pkey PRIMARY KEY);', '002_b.sql': 'ALTER TABLE a DROP CONSTRAINT a_pkey;' },
      findings: [{ file: '001_a.sql', line: 1 }],
    },
  ],
});
