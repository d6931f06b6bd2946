import rule from '../../rules/multiple-permissive-policies.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'different commands, different roles, or one restrictive',
      files: {
        '001_a.sql':
          "CREATE ROLE authenticated; CREATE ROLE anon;\nCREATE TABLE a (id int);\nCREATE POLICY r ON a FOR SELECT TO authenticated USING (true);\nCREATE POLICY w ON a FOR INSERT TO authenticated WITH CHECK (true);\nCREATE POLICY r2 ON a FOR SELECT TO anon USING (true);\nCREATE POLICY narrow ON a AS RESTRICTIVE FOR SELECT TO authenticated USING (id > 0);",
      },
    },
  ],
  invalid: [
    {
      name: 'two SELECT policies for authenticated in two files; a PUBLIC policy overlaps a role policy; ALL overlaps SELECT',
      files: {
        '001_a.sql': 'CREATE TABLE memberships (id int);\nCREATE POLICY "own" ON memberships FOR SELECT TO authenticated USING (id > 0);',
        '002_b.sql': '-- fix\n\nCREATE POLICY "org" ON memberships FOR SELECT TO authenticated USING (id < 0);',
        '003_c.sql': 'CREATE TABLE t (id int);\nCREATE POLICY everyone ON t FOR ALL USING (true);\nCREATE POLICY reader ON t FOR SELECT TO anon USING (true);',
      },
      findings: [
        {
          file: '002_b.sql',
          line: 3,
          message: 'Policies "own" and "org" on "memberships" are all permissive for SELECT for authenticated.',
          related: [{ file: '001_a.sql', line: 2 }],
        },
        { file: '003_c.sql', line: 3, message: 'Policies "everyone" and "reader" on "t" are all permissive for SELECT for anon' },
      ],
    },
    {
      name: 'two policies for PUBLIC',
      files: { '001_a.sql': 'CREATE TABLE t (id int);\nCREATE POLICY own ON t USING (id > 0);\nCREATE POLICY open ON t FOR SELECT USING (true);' },
      findings: [
        { file: '001_a.sql', line: 3, message: 'are all permissive for SELECT for PUBLIC (every role).' },
      ],
    },
  ],
});
