import rule from '../../rules/parse-error.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'valid SQL, including a BEGIN ATOMIC body and a DO block',
      files: {
        '001_a.sql': 'CREATE TABLE a (id int);\nDO $$ BEGIN PERFORM 1; END $$;',
        '002_b.sql': 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;',
      },
    },
    {
      name: 'empty and comment-only files',
      files: { '001_a.sql': '', '002_b.sql': '-- nothing yet\n' },
    },
    {
      name: 'psql meta-commands',
      files: { '001_a.sql': '\\set ON_ERROR_STOP on\n\\connect app\nCREATE TABLE a (id int);\n\\i 002_b.sql\n' },
    },
    {
      name: 'broken SQL in a dbmate down section is never run',
      files: { '20240101000000_a.sql': '-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLEX a;\n' },
    },
    {
      name: 'broken SQL in a golang-migrate down file is still reported, but a good one is quiet',
      files: { '001_a.up.sql': 'CREATE TABLE a (id int);', '001_a.down.sql': 'DROP TABLE a;' },
    },
  ],
  invalid: [
    {
      name: 'CREATE POLICY IF NOT EXISTS in the middle of a file, at its exact position',
      files: {
        '001_a.sql': 'CREATE TABLE a (id int);',
        '002_policies.sql':
          '-- Chính sách 🎉\nALTER TABLE a ENABLE ROW LEVEL SECURITY;\n  CREATE POLICY IF NOT EXISTS "read" ON a FOR SELECT USING (true);\nCREATE TABLE b (id int);\n',
      },
      findings: [{ file: '002_policies.sql', line: 3, column: 20, message: 'syntax error at or near "NOT"' }],
    },
    {
      name: 'one finding per bad statement, in every file',
      files: {
        '001_a.sql': 'CREATE TABLEX a;\nCREATE TABLE b (id int);\nALTER TABLEX c;',
        '002_b.sql': 'SELECT 1;\n\nCREATE TABLE c (id int',
        '003_c.down.sql': 'not sql at all',
      },
      findings: [
        { file: '001_a.sql', line: 1, column: 8, message: 'syntax error at or near "TABLEX"' },
        { file: '001_a.sql', line: 3, column: 7 },
        { file: '002_b.sql', line: 3, column: 23, message: 'syntax error at end of input' },
        { file: '003_c.down.sql', line: 1, column: 1, message: 'syntax error at or near "not"' },
      ],
    },
    {
      name: 'an unterminated dollar quote',
      files: { '001_a.sql': 'CREATE TABLE a (id int);\nCREATE FUNCTION f() RETURNS void AS $body$\nBEGIN\n' },
      findings: [{ file: '001_a.sql', line: 2, column: 37, message: 'unterminated dollar-quoted string at or near "$body$…"' }],
    },
    {
      name: 'a NUL byte',
      files: { '001_a.sql': 'SELECT 1;\nSELECT\u0000 2;' },
      findings: [{ file: '001_a.sql', line: 2, column: 7, message: 'file contains a NUL byte' }],
    },
  ],
});
