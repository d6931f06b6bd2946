import rule from '../../rules/function-search-path.js';
import { ruleTester } from '../support/rule-tester.js';

const body = "AS $$ BEGIN RETURN NEW; END $$";

ruleTester(rule, {
  valid: [
    {
      name: "SET search_path in the definition or later by ALTER FUNCTION; SECURITY INVOKER",
      files: {
        '001_a.sql': `CREATE FUNCTION a() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' ${body};\nCREATE FUNCTION b() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER ${body};\nCREATE FUNCTION c() RETURNS trigger LANGUAGE plpgsql ${body};`,
        '002_b.sql': 'ALTER FUNCTION b() SET search_path = public, pg_temp;',
      },
    },
  ],
  invalid: [
    {
      name: 'the supabase example: handle_new_user; a later replacement loses the setting',
      files: {
        '001_a.sql': `CREATE FUNCTION handle_new_user()\nRETURNS trigger\nLANGUAGE plpgsql\nSECURITY DEFINER\n${body};`,
        '002_b.sql': `CREATE FUNCTION f(x int) RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' ${body};`,
        '003_c.sql': `-- again\nCREATE OR REPLACE FUNCTION f(x int) RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER ${body};`,
      },
      findings: [
        { file: '001_a.sql', line: 4, column: 1, message: 'Function handle_new_user() is SECURITY DEFINER without SET search_path' },
        { file: '003_c.sql', line: 2, message: 'f(integer)' },
      ],
    },
  ],
});
