import rule from '../../rules/empty-migration.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'files with statements',
      files: { '001_a.sql': '-- users\nCREATE TABLE users (id int);', '002_b.sql': 'SELECT 1;' },
    },
    {
      name: 'an empty golang-migrate down file is never replayed',
      files: { '001_a.up.sql': 'CREATE TABLE a (id int);', '001_a.down.sql': '' },
    },
    {
      name: 'a file that only includes another with psql \\i',
      files: { '001_a.sql': '\\i schema/users.sql\n' },
    },
    {
      name: 'a file that does not parse is a parse error, not an empty migration',
      files: { '001_a.sql': 'CREATE TABLEX a;' },
    },
  ],
  invalid: [
    {
      name: 'an empty file and a comment-only file',
      files: {
        '001_a.sql': 'CREATE TABLE a (id int);',
        '009_placeholder.sql': '',
        '010_todo.sql': '-- TODO: sales modes\n/* later */\n',
        '011_blank.sql': '\n  \n',
      },
      findings: [
        { file: '009_placeholder.sql', line: 1, column: 1, message: 'This migration is empty.' },
        { file: '010_todo.sql', line: 1, column: 1, message: 'This migration has no SQL statements, only comments.' },
        { file: '011_blank.sql', line: 1, message: 'This migration is empty.' },
      ],
    },
    {
      name: 'a placeholder that only opens and closes a transaction',
      files: {
        '001_a.sql': 'BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;',
        '002_b.sql': 'BEGIN;\n-- TODO\nCOMMIT;\n',
      },
      findings: [{ file: '002_b.sql', line: 1, message: 'This migration only opens and closes a transaction; it has no other statements.' }],
    },
    {
      name: 'a goose file whose Up section is empty',
      files: {
        '00001_a.sql': '-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n',
        '00002_b.sql': '-- +goose Up\n\n-- +goose Down\nDROP TABLE a;\n',
      },
      findings: [{ file: '00002_b.sql', line: 1 }],
    },
  ],
});
