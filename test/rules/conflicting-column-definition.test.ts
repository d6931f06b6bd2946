import rule from '../../rules/conflicting-column-definition.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'ignored, but the same definition',
      files: {
        '001_a.sql': 'CREATE TABLE calls (id int, phone varchar(20));',
        '002_b.sql': 'ALTER TABLE calls ADD COLUMN IF NOT EXISTS phone varchar(20);',
      },
    },
    {
      name: 'the same as the type after an earlier change',
      files: {
        '001_a.sql': 'CREATE TABLE calls (id int, phone varchar(20));',
        '002_b.sql': 'ALTER TABLE calls ALTER COLUMN phone TYPE varchar(50);',
        '003_c.sql': 'ALTER TABLE calls ADD COLUMN IF NOT EXISTS phone varchar(50);',
      },
    },
  ],
  invalid: [
    {
      name: 'another type, and NOT NULL on a nullable column',
      files: {
        '011_a.sql': 'CREATE TABLE calls (\n  id int,\n  phone varchar(20)\n);',
        '023_b.sql': 'ALTER TABLE calls ADD COLUMN IF NOT EXISTS phone varchar(50);\nALTER TABLE calls ADD COLUMN IF NOT EXISTS id int NOT NULL;',
      },
      findings: [
        { file: '023_b.sql', line: 1, column: 44, message: 'it is character varying(20), not character varying(50)', related: [{ file: '011_a.sql', line: 3 }] },
        { file: '023_b.sql', line: 2, column: 44, message: 'it allows NULL' },
      ],
    },
  ],
});
