import rule from '../../rules/order-dependency.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'used after it is created; never created is missing-reference, not this rule',
      files: { '001_a.sql': 'CREATE TABLE a (id int PRIMARY KEY);', '002_b.sql': 'CREATE TABLE b (a_id int REFERENCES a);\nALTER TABLE ghost ADD COLUMN x int;' },
    },
  ],
  invalid: [
    {
      name: 'referenced and altered before the file that creates it',
      files: {
        '001_a.sql': 'CREATE TABLE b (\n  a_id int REFERENCES a\n);\nALTER TABLE a ADD COLUMN x int;',
        '002_b.sql': '-- a\nCREATE TABLE a (id int PRIMARY KEY);',
      },
      findings: [
        { file: '001_a.sql', line: 2, column: 23, message: 'REFERENCES "a" runs before "a" is created (002_b.sql:2).', related: [{ file: '002_b.sql', line: 2 }] },
        { file: '001_a.sql', line: 4, column: 13, message: 'ALTER TABLE "a"' },
      ],
    },
  ],
});
