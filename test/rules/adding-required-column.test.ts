import rule from '../../rules/adding-required-column.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'new table in the same file; defaults, identity, generated, serial, nullable',
      files: {
        '001_a.sql': 'CREATE TABLE projects (id int);\nALTER TABLE projects ADD COLUMN slug text NOT NULL;',
        '002_b.sql':
          "ALTER TABLE projects ADD COLUMN a text NOT NULL DEFAULT '';\nALTER TABLE projects ADD COLUMN b int GENERATED ALWAYS AS IDENTITY;\nALTER TABLE projects ADD COLUMN c int NOT NULL GENERATED ALWAYS AS (id * 2) STORED;\nALTER TABLE projects ADD COLUMN d bigserial;\nALTER TABLE projects ADD COLUMN e text;",
      },
    },
    {
      name: 'the file empties the table first (seen in Hatchet)',
      files: {
        '001_a.sql': 'CREATE TABLE alerts (id int);',
        '002_b.sql': 'TRUNCATE TABLE alerts;\nALTER TABLE alerts ADD COLUMN resource text NOT NULL;',
      },
    },
    {
      name: 'the file deletes every row first (seen in Lemmy)',
      files: {
        '001_a.sql': 'CREATE TABLE password_reset_request (id int);',
        '002_b.sql': 'DELETE FROM password_reset_request;\nALTER TABLE password_reset_request ADD COLUMN local_user_id integer NOT NULL;',
      },
    },
  ],
  invalid: [
    {
      name: 'the supabase example: projects.slug NOT NULL without default',
      files: {
        '20240122140000_a.sql': 'CREATE TABLE projects (id int);',
        '20240301120000_fix.sql': 'ALTER TABLE projects\n  ADD COLUMN slug text NOT NULL,\n  ADD COLUMN pk_like int PRIMARY KEY,\n  ALTER COLUMN slug SET STATISTICS 100;',
      },
      findings: [
        { file: '20240301120000_fix.sql', line: 2, column: 14, message: 'Column "slug" is added NOT NULL without a default to "projects"' },
        { file: '20240301120000_fix.sql', line: 3, column: 14, message: 'Column "pk_like"' },
      ],
    },
    {
      name: 'a DELETE with WHERE leaves rows',
      files: {
        '001_a.sql': 'CREATE TABLE alerts (id int);',
        '002_b.sql': 'DELETE FROM alerts WHERE id > 1;\nALTER TABLE alerts ADD COLUMN resource text NOT NULL;',
      },
      findings: [{ file: '002_b.sql', line: 2, column: 31, message: 'Column "resource" is added NOT NULL without a default to "alerts"' }],
    },
  ],
});
