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
    {
      name: "pg_dump's ALTER FUNCTION ... OWNER TO and COMMENT after the definition: reported at SECURITY DEFINER, or at the ALTER FUNCTION that set it",
      files: {
        '001_remote_schema.sql': [
          'CREATE OR REPLACE FUNCTION "public"."delete_user_data"("p_user_id" "uuid") RETURNS "void"',
          '    LANGUAGE "plpgsql" SECURITY DEFINER',
          '    AS $$ BEGIN END $$;',
          'ALTER FUNCTION "public"."delete_user_data"("p_user_id" "uuid") OWNER TO "postgres";',
          'COMMENT ON FUNCTION "public"."delete_user_data"("p_user_id" "uuid") IS \'Deletes a user\';',
          'CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;',
          'ALTER FUNCTION g() SECURITY DEFINER;',
          'ALTER FUNCTION g() OWNER TO postgres;',
        ].join('\n'),
      },
      findings: [
        { file: '001_remote_schema.sql', line: 2, column: 24, message: 'delete_user_data(uuid)' },
        { file: '001_remote_schema.sql', line: 7, column: 20, message: 'Function g()' },
      ],
    },
  ],
});
