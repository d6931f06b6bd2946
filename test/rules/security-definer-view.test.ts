import rule from '../../rules/security-definer-view.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'security_invoker at creation or by ALTER VIEW; views outside public; materialized views',
      layout: 'supabase',
      files: {
        '20240101000000_a.sql':
          'CREATE TABLE t (id int);\nCREATE VIEW a WITH (security_invoker = true) AS SELECT id FROM t;\nCREATE VIEW b AS SELECT id FROM t;\nCREATE SCHEMA private;\nCREATE VIEW private.c AS SELECT id FROM t;\nCREATE MATERIALIZED VIEW m AS SELECT id FROM t;',
        '20240102000000_b.sql': 'ALTER VIEW b SET (security_invoker = on);',
      },
    },
    {
      name: 'not a Supabase project',
      layout: 'numbered',
      files: { '001_a.sql': 'CREATE TABLE t (id int);\nCREATE VIEW v AS SELECT id FROM t;' },
    },
  ],
  invalid: [
    {
      name: 'the supabase example: a view granted to anon (authenticated has it from the platform\'s default privileges); security_invoker turned off again',
      layout: 'supabase',
      files: {
        '20240220150000_a.sql':
          'CREATE TABLE memberships (org int);\n\nCREATE VIEW org_member_counts AS SELECT org, count(*) FROM memberships GROUP BY org;\nGRANT SELECT ON org_member_counts TO anon;',
        '20240221000000_b.sql': 'CREATE VIEW v WITH (security_invoker = true) AS SELECT 1 AS one;\nALTER VIEW v SET (security_invoker = false);',
      },
      findings: [
        { file: '20240220150000_a.sql', line: 3, column: 1, message: 'View "org_member_counts" runs with its owner\'s rights (no security_invoker) and bypasses the row level security of the tables it reads; it is granted to anon and authenticated.' },
        { file: '20240221000000_b.sql', line: 2 },
      ],
    },
    {
      name: "pg_dump's ALTER VIEW ... OWNER TO after the view: reported at CREATE VIEW, or at the CREATE OR REPLACE that came last",
      layout: 'supabase',
      files: {
        '20251010015852_remote_schema.sql': [
          'CREATE TABLE "public"."entries" ("id" "uuid");',
          'CREATE OR REPLACE VIEW "public"."entry_engagement" AS',
          ' SELECT "id" FROM "public"."entries";',
          'ALTER VIEW "public"."entry_engagement" OWNER TO "postgres";',
          'CREATE OR REPLACE VIEW "public"."sync_failures" AS SELECT "id" FROM "public"."entries";',
          'ALTER VIEW "public"."sync_failures" OWNER TO "postgres";',
          'COMMENT ON VIEW "public"."sync_failures" IS \'Failed syncs\';',
        ].join('\n'),
        '20251011000000_b.sql': '-- again\nCREATE OR REPLACE VIEW sync_failures AS SELECT id FROM entries;\nALTER VIEW sync_failures OWNER TO postgres;',
      },
      findings: [
        { file: '20251010015852_remote_schema.sql', line: 2, column: 1, message: 'View "entry_engagement"' },
        { file: '20251011000000_b.sql', line: 2, column: 1, message: 'View "sync_failures"' },
      ],
    },
  ],
});
