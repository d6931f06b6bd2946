import rule from '../../rules/version-collision.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'distinct versions',
      files: { '001_a.sql': '', '002_b.sql': '', '010_c.sql': '', 'notes.sql': '', 'more-notes.sql': '' },
    },
    {
      name: 'golang-migrate up and down of one version',
      files: {
        '000001_users.up.sql': 'CREATE TABLE users (id int);',
        '000001_users.down.sql': 'DROP TABLE users;',
        '000002_teams.up.sql': 'CREATE TABLE teams (id int);',
        '000002_teams.down.sql': 'DROP TABLE teams;',
      },
    },
    {
      name: 'Flyway undo script of a versioned migration, and repeatables',
      files: { 'V1__a.sql': '', 'U1__a.sql': '', 'V2__b.sql': '', 'R__views.sql': '', 'R__grants.sql': '' },
    },
    {
      name: 'Diesel up.sql and down.sql of one folder',
      files: { '2023-01-01-000000_a/up.sql': '', '2023-01-01-000000_a/down.sql': '', '2023-01-02-000000_b/up.sql': '' },
    },
    {
      name: 'Diesel 2.2 counters tell apart two migrations made in the same second',
      files: { '2025-09-19-132648-0000_a/up.sql': '', '2025-09-19-132648-0001_b/up.sql': '' },
    },
  ],
  invalid: [
    {
      name: 'two 021 files (the seed audit)',
      files: {
        '020_fix_missing_columns.sql': '',
        '021_ai_prompt_templates.sql': '',
        '021_fix_tickets_table_column_names.sql': '',
        '023_ensure_openphone_columns.sql': '',
      },
      findings: [
        {
          file: '021_fix_tickets_table_column_names.sql',
          line: 1,
          column: 1,
          message: 'Version 021 is also the version of 021_ai_prompt_templates.sql',
          related: [{ file: '021_ai_prompt_templates.sql', line: 1 }],
        },
      ],
    },
    {
      name: 'versions compare as numbers: 21_a and 021_b collide',
      files: { '21_a.sql': '', '021_b.sql': '' },
      findings: [{ file: '21_a.sql', line: 1, message: 'Version 21 is also the version of 021_b.sql', related: [{ file: '021_b.sql', line: 1 }] }],
    },
    {
      name: 'three files on one version all point at the first',
      files: { '005_a.sql': '', '005_b.sql': '', '5_c.sql': '' },
      findings: [
        { file: '005_b.sql', line: 1, related: [{ file: '005_a.sql', line: 1 }] },
        { file: '5_c.sql', line: 1, related: [{ file: '005_a.sql', line: 1 }] },
      ],
    },
    {
      name: 'two golang-migrate migrations on one version: reported once, not once per direction',
      files: {
        '000001_a.up.sql': '',
        '000001_a.down.sql': '',
        '000001_b.up.sql': '',
        '000001_b.down.sql': '',
      },
      findings: [{ file: '000001_b.up.sql', line: 1, related: [{ file: '000001_a.up.sql', line: 1 }] }],
    },
    {
      name: 'Flyway V1_0 and V1 are one version',
      files: { 'V1__a.sql': '', 'V1_0__b.sql': '' },
      findings: [{ file: 'V1__a.sql', line: 1, related: [{ file: 'V1_0__b.sql', line: 1 }] }],
    },
    {
      name: 'Supabase timestamps',
      files: {
        'supabase/migrations/20240101000000_a.sql': '',
        'supabase/migrations/20240101000000_b.sql': '',
      },
      findings: [
        {
          file: 'supabase/migrations/20240101000000_b.sql',
          line: 1,
          related: [{ file: 'supabase/migrations/20240101000000_a.sql', line: 1 }],
        },
      ],
    },
  ],
});
