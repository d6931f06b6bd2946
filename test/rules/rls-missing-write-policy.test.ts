import rule from '../../rules/rls-missing-write-policy.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a FOR ALL policy, or a write policy next to the read one; no policies at all is another rule',
      files: {
        '001_a.sql':
          'CREATE TABLE a (id int);\nALTER TABLE a ENABLE ROW LEVEL SECURITY;\nCREATE POLICY r ON a FOR SELECT USING (true);\nCREATE POLICY w ON a FOR ALL USING (id > 0);\nCREATE TABLE b (id int);\nALTER TABLE b ENABLE ROW LEVEL SECURITY;\nCREATE POLICY r ON b FOR SELECT USING (true);\nCREATE POLICY d ON b FOR DELETE USING (id > 0);\nCREATE TABLE c (id int);\nALTER TABLE c ENABLE ROW LEVEL SECURITY;',
      },
    },
    {
      name: 'Supabase: a private schema written through functions (seen in basejump)',
      layout: 'supabase',
      files: {
        '20240101000000_a.sql': 'CREATE SCHEMA basejump;\nCREATE TABLE basejump.config (id int);\nALTER TABLE basejump.config ENABLE ROW LEVEL SECURITY;\nCREATE POLICY r ON basejump.config FOR SELECT USING (true);',
      },
    },
  ],
  invalid: [
    {
      name: 'the supabase example: projects with a SELECT policy only',
      files: {
        '001_a.sql': 'CREATE TABLE projects (id int, org int);\n\nALTER TABLE projects ENABLE ROW LEVEL SECURITY;',
        '002_b.sql': '-- read\nCREATE POLICY "members read" ON projects FOR SELECT USING (org > 0);',
      },
      findings: [{ file: '001_a.sql', line: 3, message: 'only SELECT policies: INSERT, UPDATE and DELETE have no policy.', related: [{ file: '002_b.sql', line: 2 }] }],
    },
    {
      name: 'the supabase example: memberships, with write privileges granted in a later file',
      files: {
        '001_a.sql': 'CREATE ROLE authenticated;\nCREATE TABLE memberships (id int);\nALTER TABLE memberships ENABLE ROW LEVEL SECURITY;\nCREATE POLICY r ON memberships FOR SELECT TO authenticated USING (true);',
        '002_b.sql': '\nGRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO authenticated;',
      },
      findings: [
        {
          file: '001_a.sql',
          line: 3,
          message: 'have no policy, yet authenticated is granted write privileges.',
          related: [
            { file: '001_a.sql', line: 4 },
            { file: '002_b.sql', line: 2 },
          ],
        },
      ],
    },
  ],
});
