import rule from '../../rules/auth-rls-initplan.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'wrapped in (select ...); a policy dropped, or fixed by ALTER POLICY, or dropped and created again wrapped',
      layout: 'supabase',
      files: {
        '20240101000000_a.sql':
          "CREATE TABLE p (id uuid, org uuid);\nCREATE POLICY a ON p USING ((select auth.uid()) = id);\nCREATE POLICY b ON p USING (org IN (SELECT org FROM p WHERE id = auth.uid()));\nCREATE POLICY c ON p USING ((select auth.jwt()) ->> 'email' = 'x');\nCREATE POLICY old ON p USING (auth.uid() = id);",
        '20240102000000_b.sql':
          'DROP POLICY old ON p;\nCREATE POLICY again ON p USING (auth.uid() = id);\nALTER POLICY again ON p USING ((select auth.uid()) = id);\nCREATE POLICY old ON p USING ((select auth.uid()) = id);',
      },
    },
  ],
  invalid: [
    {
      name: 'the supabase example: bare auth.uid() in USING and WITH CHECK, on a platform table too',
      layout: 'supabase',
      files: {
        '20240115093000_a.sql':
          'CREATE TABLE profiles (id uuid);\nCREATE POLICY "own" ON profiles FOR UPDATE\n  USING (auth.uid() = id)\n  WITH CHECK (id = auth.uid());',
        '20240201090000_b.sql': "CREATE POLICY up ON storage.objects FOR INSERT WITH CHECK (owner = auth.uid() AND current_setting('x') = '1');",
      },
      findings: [
        { file: '20240115093000_a.sql', line: 3, column: 10, message: 'Policy "own" on "profiles" calls auth.uid() for every row; write (select auth.uid())' },
        { file: '20240115093000_a.sql', line: 4, column: 20 },
        { file: '20240201090000_b.sql', line: 1, column: 68, message: '"storage.objects"' },
        { file: '20240201090000_b.sql', line: 1, column: 83, message: 'current_setting()' },
      ],
    },
  ],
});
