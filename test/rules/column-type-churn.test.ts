import rule from '../../rules/column-type-churn.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'one type change',
      files: {
        '001_a.sql': 'CREATE TABLE calls (phone varchar(20));',
        '002_b.sql': 'ALTER TABLE calls ALTER COLUMN phone TYPE text;',
      },
    },
  ],
  invalid: [
    {
      name: 'the seed audit: varchar(20), varchar(50), then text',
      files: {
        '011_a.sql': 'CREATE TABLE calls (phone varchar(20));',
        '020_b.sql': '\nALTER TABLE calls ALTER COLUMN phone TYPE varchar(50);',
        '025_c.sql': '-- types\n\nALTER TABLE calls ALTER COLUMN phone TYPE text;',
      },
      findings: [
        {
          file: '025_c.sql',
          line: 3,
          message: 'changed type 2 times: character varying(20) → character varying(50) → text',
          related: [
            { file: '020_b.sql', line: 2 },
            { file: '025_c.sql', line: 3 },
          ],
        },
      ],
    },
  ],
});
