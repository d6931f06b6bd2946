import rule from '../../rules/rls-policy-always-true.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'public read; service_role only (also after ALTER POLICY); a real condition; a dropped policy',
      layout: 'supabase',
      files: {
        '20240102000000_b.sql': 'ALTER POLICY s ON a USING (true);',
        '20240101000000_a.sql':
          "CREATE TABLE a (id int, owner uuid);\nALTER TABLE a ENABLE ROW LEVEL SECURITY;\nCREATE POLICY r ON a FOR SELECT USING (true);\nCREATE POLICY s ON a FOR ALL TO service_role USING (true) WITH CHECK (true);\nCREATE POLICY u ON a FOR UPDATE USING ((select auth.uid()) = owner);\nCREATE POLICY gone ON a FOR DELETE USING (true);\nDROP POLICY gone ON a;\nCREATE POLICY \"public read\" ON storage.objects FOR SELECT USING (bucket_id = 'avatars');",
      },
    },
  ],
  invalid: [
    {
      name: 'the supabase example: UPDATE USING (true); WITH CHECK (true) on insert; on storage.objects; made true by ALTER POLICY',
      layout: 'supabase',
      files: {
        '20240205160000_a.sql':
          'CREATE TABLE invitations (id int, email text);\nALTER TABLE invitations ENABLE ROW LEVEL SECURITY;\nCREATE POLICY "Anyone can accept" ON invitations\n  FOR UPDATE TO authenticated\n  USING (true);\nCREATE POLICY ins ON invitations FOR INSERT WITH CHECK (true);\nCREATE POLICY up ON storage.objects FOR INSERT TO authenticated WITH CHECK (true);\nCREATE POLICY del ON invitations FOR DELETE USING (id > 0);',
        '20240206000000_b.sql': 'ALTER POLICY del ON invitations USING (true);',
      },
      findings: [
        { file: '20240205160000_a.sql', line: 5, column: 10, message: 'Policy "Anyone can accept" on "invitations" has USING (true): it allows UPDATE on every row.' },
        { file: '20240205160000_a.sql', line: 6, message: 'WITH CHECK (true): it allows INSERT' },
        { file: '20240205160000_a.sql', line: 7, message: '"storage.objects"' },
        { file: '20240206000000_b.sql', line: 1, message: 'it allows DELETE' },
      ],
    },
  ],
});
