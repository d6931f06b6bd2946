import rule from '../../rules/duplicate-create-table.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'each table created once, then altered',
      files: {
        '001_users.sql': 'CREATE TABLE users (id uuid PRIMARY KEY);',
        '002_users_email.sql': 'ALTER TABLE users ADD COLUMN email text;',
      },
    },
    {
      name: 'same name in two schemas',
      files: {
        '001_a.sql': 'CREATE SCHEMA billing;\nCREATE TABLE accounts (id int PRIMARY KEY);',
        '002_b.sql': 'CREATE TABLE billing.accounts (id int PRIMARY KEY);',
      },
    },
    {
      name: 'rebuilt by DROP and CREATE in one file (a deliberate table rebuild)',
      files: {
        '2023-09-10-133000_add_sso/up.sql': 'CREATE TABLE sso_nonce (nonce text PRIMARY KEY);',
        '2024-02-14-170000_add_state_to_sso_nonce/up.sql':
          'DROP TABLE sso_nonce;\n\nCREATE TABLE sso_nonce (state text PRIMARY KEY, nonce text NOT NULL);',
      },
    },
  ],
  invalid: [
    {
      name: 'created again with IF NOT EXISTS (the seed audit: 005 and 008)',
      files: {
        '005_checklist_submissions.sql': '-- checklist\nCREATE TABLE checklist_submissions (id uuid PRIMARY KEY, task text);',
        '008_checklist_submissions.sql': '\n\nCREATE TABLE IF NOT EXISTS checklist_submissions (\n  id uuid PRIMARY KEY,\n  done boolean\n);',
      },
      findings: [
        {
          file: '008_checklist_submissions.sql',
          line: 3,
          message: 'first created in 005_checklist_submissions.sql:2), with IF NOT EXISTS, so this definition is silently ignored',
          related: [{ file: '005_checklist_submissions.sql', line: 2 }],
        },
      ],
    },
    {
      name: 'dropped in between',
      files: {
        '001_a.sql': 'CREATE TABLE notes (id int);',
        '002_b.sql': 'DROP TABLE notes;',
        '003_c.sql': 'CREATE TABLE notes (id bigint);',
      },
      findings: [
        {
          file: '003_c.sql',
          line: 1,
          message: 'after a DROP in 002_b.sql:1',
          related: [
            { file: '001_a.sql', line: 1 },
            { file: '002_b.sql', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'created again without IF NOT EXISTS, three times',
      files: {
        '001_a.sql': 'CREATE TABLE notes (id int);',
        '002_b.sql': 'CREATE TABLE notes (id int);',
        '003_c.sql': 'CREATE TABLE public.notes (id int);',
      },
      findings: [
        { file: '002_b.sql', line: 1, message: 'this statement fails' },
        { file: '003_c.sql', line: 1, message: 'first created in 001_a.sql:1' },
      ],
    },
  ],
});
