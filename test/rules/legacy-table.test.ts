import rule from '../../rules/legacy-table.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a backup table that was dropped again; names that only contain the words; tables for temporary things (seen in ente, Hatchet)',
      files: {
        '001_a.sql': 'CREATE TABLE users_backup (id int);\nCREATE TABLE oldest_orders (id int);\nCREATE TABLE contest_entries (id int);\nCREATE TABLE temp_two_factor (id int);\nCREATE TABLE task_events_tmp (id int);',
        '002_b.sql': 'DROP TABLE users_backup;',
      },
    },
  ],
  invalid: [
    {
      name: 'the seed audit: demo and old tables',
      files: {
        '002_a.sql': 'CREATE TABLE tickets (id int);\n\nCREATE TABLE demo_tickets (id int);',
        '013_b.sql': 'CREATE TABLE sop_update_log_old (id int);',
      },
      findings: [
        { file: '002_a.sql', line: 3, message: 'Table "demo_tickets" looks like legacy or throwaway data (matches "demo_*")' },
        { file: '013_b.sql', line: 1, message: 'matches "*_old"' },
      ],
    },
    {
      name: 'patterns are an option',
      files: { '001_a.sql': 'CREATE TABLE archive_2020 (id int);\nCREATE TABLE demo_x (id int);' },
      options: { patterns: ['archive_*'] },
      findings: [{ file: '001_a.sql', line: 1, message: 'matches "archive_*"' }],
    },
  ],
});
