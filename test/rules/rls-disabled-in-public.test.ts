import rule from '../../rules/rls-disabled-in-public.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'RLS enabled in a later file; tables outside public; a foreign table (seen in Quivr)',
      layout: 'supabase',
      files: {
        '20240101000000_a.sql': 'CREATE TABLE notes (id int PRIMARY KEY);\nCREATE SCHEMA private;\nCREATE TABLE private.jobs (id int);\nCREATE SERVER stripe FOREIGN DATA WRAPPER stripe_wrapper;\nCREATE FOREIGN TABLE public.products (id text) SERVER stripe;',
        '20240102000000_b.sql': 'ALTER TABLE notes ENABLE ROW LEVEL SECURITY;',
      },
    },
    {
      name: 'not a Supabase project: no API exposes public',
      layout: 'numbered',
      files: { '001_a.sql': 'CREATE TABLE notes (id int PRIMARY KEY);' },
    },
  ],
  invalid: [
    {
      name: 'the supabase example: audit_events never gets RLS; RLS disabled again',
      layout: 'supabase',
      files: {
        '20240125100000_a.sql': '-- audit\n\n\nCREATE TABLE public.audit_events (id bigint PRIMARY KEY);',
        '20240126100000_b.sql': 'CREATE TABLE notes (id int);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\nALTER TABLE notes DISABLE ROW LEVEL SECURITY;',
      },
      findings: [
        { file: '20240125100000_a.sql', line: 4, column: 1, message: 'Table "audit_events" is in the public schema without row level security: the' },
        { file: '20240126100000_b.sql', line: 3, column: 1, message: 'Table "notes" is in the public schema without row level security (disabled here)', related: [{ file: '20240126100000_b.sql', line: 1 }] },
      ],
    },
  ],
});
