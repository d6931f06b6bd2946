import rule from '../../rules/redefined-function.js';
import { ruleTester } from '../support/rule-tester.js';

const touch = (body: string) => `CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body}; RETURN NEW; END $$;`;

ruleTester(rule, {
  valid: [
    {
      name: 'defined in two files, under the default threshold of three',
      files: { '001_a.sql': touch('NEW.a = 1'), '002_b.sql': touch('NEW.a = 2') },
    },
    {
      name: 'same name, other argument types: different functions',
      files: {
        '001_a.sql': 'CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;',
        '002_b.sql': 'CREATE FUNCTION f(a text) RETURNS text LANGUAGE sql AS $$ SELECT a $$;',
        '003_c.sql': 'CREATE FUNCTION f(a uuid) RETURNS uuid LANGUAGE sql AS $$ SELECT a $$;',
      },
    },
  ],
  invalid: [
    {
      name: 'the seed audit: update_updated_at_column in three files',
      files: { '002_a.sql': touch('NEW.a = 1'), '011_b.sql': `-- again\n${touch('NEW.a = 2')}`, '018_c.sql': `\n\n${touch('NEW.a = 3')}` },
      findings: [
        {
          file: '018_c.sql',
          line: 3,
          message: 'public.touch() is defined in 3 files (002_a.sql, 011_b.sql and 018_c.sql)',
          related: [
            { file: '002_a.sql', line: 1 },
            { file: '011_b.sql', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'threshold option',
      files: { '001_a.sql': touch('NEW.a = 1'), '002_b.sql': touch('NEW.a = 2') },
      options: { threshold: 2 },
      findings: [{ file: '002_b.sql', line: 1 }],
    },
  ],
});
