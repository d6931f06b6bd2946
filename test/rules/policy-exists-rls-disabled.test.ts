import rule from '../../rules/policy-exists-rls-disabled.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'RLS enabled after the policies, in another file',
      files: {
        '001_a.sql': 'CREATE TABLE notes (id int, owner text);\nCREATE POLICY own ON notes USING (owner = current_user);',
        '002_b.sql': 'ALTER TABLE notes ENABLE ROW LEVEL SECURITY;',
      },
    },
  ],
  invalid: [
    {
      name: 'policies but no ENABLE ROW LEVEL SECURITY',
      files: {
        '001_a.sql': 'CREATE TABLE notes (id int, owner text);\n\nCREATE POLICY own ON notes FOR SELECT USING (owner = current_user);',
        '002_b.sql': 'CREATE POLICY write ON notes FOR INSERT WITH CHECK (owner = current_user);',
      },
      findings: [
        { file: '001_a.sql', line: 3, column: 1, message: 'has 2 policies but row level security is not enabled', related: [{ file: '002_b.sql', line: 1 }] },
      ],
    },
    {
      name: 'RLS enabled with the policies, then disabled in a later file (oriva-platform ai_conversations): reported at the DISABLE',
      files: {
        '001_a.sql': 'CREATE TABLE notes (id int, owner text);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\nCREATE POLICY own ON notes USING (owner = current_user);',
        '002_b.sql': '-- local dev\nALTER TABLE public.notes DISABLE ROW LEVEL SECURITY;',
      },
      findings: [
        { file: '002_b.sql', line: 2, column: 1, message: 'has 1 policy but row level security is disabled here, so it does nothing', related: [{ file: '001_a.sql', line: 3 }] },
      ],
    },
  ],
});
