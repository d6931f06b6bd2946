import rule from '../../rules/rls-enabled-no-policy.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a policy in a later file; RLS off',
      files: {
        '001_a.sql': 'CREATE TABLE notes (id int, owner text);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\nCREATE TABLE open (id int);',
        '002_b.sql': 'CREATE POLICY own ON notes USING (owner = current_user);',
      },
    },
  ],
  invalid: [
    {
      name: 'RLS on, no policy; the policy dropped later',
      files: {
        '001_a.sql': 'CREATE TABLE notes (id int);\n\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\nCREATE TABLE logs (id int);\nALTER TABLE logs ENABLE ROW LEVEL SECURITY;\nCREATE POLICY p ON logs USING (true);',
        '002_b.sql': 'DROP POLICY p ON logs;',
      },
      findings: [
        { file: '001_a.sql', line: 3, column: 1, message: 'Table "notes" has row level security enabled but no policy' },
        { file: '001_a.sql', line: 5, message: '"logs"' },
      ],
    },
  ],
});
