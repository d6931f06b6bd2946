import rule from '../../rules/shadowed-create.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'IF NOT EXISTS with the same columns as the existing table',
      files: {
        '001_a.sql': 'CREATE TABLE notes (id uuid PRIMARY KEY, body text);',
        '002_b.sql': 'CREATE TABLE IF NOT EXISTS notes (id uuid PRIMARY KEY, body text);',
      },
    },
    {
      name: 'same columns in another order, NOT NULL from a table-level primary key (seen in Quivr)',
      files: {
        '001_a.sql': 'CREATE TABLE usage (user_id uuid, day text, PRIMARY KEY (user_id, day), n int);',
        '002_b.sql': 'CREATE TABLE IF NOT EXISTS usage (n int, day text NOT NULL, user_id uuid, PRIMARY KEY (user_id, day));',
      },
    },
    {
      name: 'IF NOT EXISTS of a new table',
      files: { '001_a.sql': 'CREATE TABLE IF NOT EXISTS notes (id uuid PRIMARY KEY);' },
    },
  ],
  invalid: [
    {
      name: 'the seed audit: 008 redefines checklist_submissions with other columns',
      files: {
        '005_checklist_submissions.sql': '-- checklist\nCREATE TABLE checklist_submissions (id uuid PRIMARY KEY, comments text);',
        '008_checklist_submissions.sql': '\nCREATE TABLE IF NOT EXISTS checklist_submissions (\n  id uuid PRIMARY KEY,\n  ticket_id uuid\n);',
      },
      findings: [
        {
          file: '008_checklist_submissions.sql',
          line: 2,
          column: 1,
          message: '(- comments text, + ticket_id uuid)',
          related: [{ file: '005_checklist_submissions.sql', line: 2 }],
        },
      ],
    },
    {
      name: 'columns added by ALTER count as existing; a type change shows as a difference',
      files: {
        '001_a.sql': 'CREATE TABLE notes (id int);',
        '002_b.sql': 'ALTER TABLE notes ADD COLUMN body varchar(20);',
        '003_c.sql': 'CREATE TABLE IF NOT EXISTS notes (id int, body text);',
      },
      findings: [{ file: '003_c.sql', line: 1, message: '(- body character varying(20), + body text)' }],
    },
  ],
});
