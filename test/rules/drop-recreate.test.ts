import rule from '../../rules/drop-recreate.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'created and dropped in the same file, created again later: no rows were ever kept',
      files: {
        '001_a.sql': 'CREATE TABLE scratch (id int);\nDROP TABLE scratch;',
        '002_b.sql': 'CREATE TABLE scratch (id int);',
      },
    },
    {
      name: 'renamed away, then a new table takes the name',
      files: {
        '001_a.sql': 'CREATE TABLE tasks (id int);',
        '002_b.sql': 'ALTER TABLE tasks RENAME TO tasks_archive;\nCREATE TABLE tasks (id uuid);',
      },
    },
  ],
  invalid: [
    {
      name: 'the supabase example: tasks dropped, then created with a new shape',
      files: {
        '001_a.sql': 'CREATE TABLE tasks (id bigint PRIMARY KEY);',
        '002_b.sql': '-- drop\nDROP TABLE tasks;',
        '003_c.sql': '\n\nCREATE TABLE tasks (id uuid PRIMARY KEY);',
      },
      findings: [
        {
          file: '003_c.sql',
          line: 3,
          message: 'created again after 002_b.sql:2 dropped it',
          related: [
            { file: '001_a.sql', line: 1 },
            { file: '002_b.sql', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'dropped and created in one later file',
      files: {
        '001_a.sql': 'CREATE TABLE tasks (id bigint);',
        '002_b.sql': 'DROP TABLE IF EXISTS tasks;\nCREATE TABLE tasks (id uuid);',
      },
      findings: [{ file: '002_b.sql', line: 2 }],
    },
  ],
});
