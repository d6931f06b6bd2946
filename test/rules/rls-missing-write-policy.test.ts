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
    {
      name: 'a lookup table the migrations fill themselves, with no write grants, is read-only by design (exampilot-v2 subjects, badge_definitions)',
      layout: 'supabase',
      files: {
        '001_syllabus.sql': "CREATE TABLE subjects (id int PRIMARY KEY, name text);\nALTER TABLE subjects ENABLE ROW LEVEL SECURITY;\nCREATE POLICY \"read subjects\" ON subjects FOR SELECT USING (auth.role() = 'authenticated');",
        '002_seed.sql': "INSERT INTO subjects (id, name) VALUES (1, 'History'), (2, 'Geography');",
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
    {
      name: 'filled by the migrations but written by the API too (write grants), or only updated by them: still reported',
      layout: 'supabase',
      files: {
        '001_a.sql': "CREATE TABLE categories (id int);\nALTER TABLE categories ENABLE ROW LEVEL SECURITY;\nCREATE POLICY r ON categories FOR SELECT USING (true);\nINSERT INTO categories VALUES (1);\nGRANT ALL ON TABLE categories TO anon;\nCREATE TABLE queue (id int, done boolean);\nALTER TABLE queue ENABLE ROW LEVEL SECURITY;\nCREATE POLICY r ON queue FOR SELECT USING (true);\nUPDATE queue SET done = true;",
      },
      findings: [
        { file: '001_a.sql', line: 2, message: 'Table "categories" has row level security with only SELECT policies: INSERT, UPDATE and DELETE have no policy, yet anon is granted write privileges.' },
        { file: '001_a.sql', line: 7, message: 'Table "queue" has row level security with only SELECT policies' },
      ],
    },
  ],
});
