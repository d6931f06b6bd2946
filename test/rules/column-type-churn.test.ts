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
    {
      name: 'an enum rebuilt through text in one migration (drizzle-kit) ends on the type it started from',
      files: {
        '0017_a.sql': "CREATE TYPE checkout_status AS ENUM ('purchased', 'paid');\nCREATE TABLE customer_checkouts (status checkout_status);",
        '0018_b.sql': [
          'ALTER TABLE customer_checkouts ALTER COLUMN status SET DATA TYPE text;',
          'DROP TYPE checkout_status;',
          "CREATE TYPE checkout_status AS ENUM ('paid', 'active');",
          'ALTER TABLE customer_checkouts ALTER COLUMN status SET DATA TYPE checkout_status USING status::checkout_status;',
        ].join('\n'),
      },
    },
    {
      name: 'two changes in one migration are one change',
      files: {
        '001_a.sql': 'CREATE TABLE calls (phone varchar(20));',
        '002_b.sql': 'ALTER TABLE calls ALTER COLUMN phone TYPE varchar(50);\nALTER TABLE calls ALTER COLUMN phone TYPE text;',
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
    {
      name: 'changes merged per migration, and a round trip inside one migration left out',
      files: {
        '001_a.sql': 'CREATE TABLE calls (phone varchar(20));',
        '002_b.sql': 'ALTER TABLE calls ALTER COLUMN phone TYPE varchar(30);\nALTER TABLE calls ALTER COLUMN phone TYPE varchar(50);',
        '003_c.sql': 'ALTER TABLE calls ALTER COLUMN phone TYPE text;\nALTER TABLE calls ALTER COLUMN phone TYPE varchar(50);',
        '004_d.sql': '\nALTER TABLE calls ALTER COLUMN phone TYPE text;',
      },
      findings: [
        {
          file: '004_d.sql',
          line: 2,
          message: 'changed type 2 times: character varying(20) → character varying(50) → text',
          related: [
            { file: '002_b.sql', line: 2 },
            { file: '004_d.sql', line: 2 },
          ],
        },
      ],
    },
  ],
});
